package io.aftercart.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventTypeTest {

    @Test
    void namesAndSchemaReferences() {
        assertThat(EventType.ORDER_COMPLETED.wireName()).isEqualTo("Order Completed");
        assertThat(EventType.ORDER_COMPLETED.schemaKey()).isEqualTo("order_completed");
        assertThat(EventType.ORDER_COMPLETED.schemaRef()).isEqualTo("order_completed/1-0-0");
        assertThat(EventType.NPS_SURVEY_RESPONDED.wireName()).isEqualTo("NPS Survey Responded");
        assertThat(EventType.IDENTIFY.wireName()).isEqualTo("identify");
        assertThat(EventType.CUSTOM_TRACK.wireName()).isNull();
        assertThat(EventType.CUSTOM_TRACK.schemaRef()).isEqualTo("custom_track/1-0-0");
    }

    @Test
    void trackNamesMatchTheCatalogueExactly() {
        assertThat(EventType.ofTrackName("Order Completed")).isEqualTo(EventType.ORDER_COMPLETED);
        assertThat(EventType.ofTrackName("Support Ticket Resolved")).isEqualTo(EventType.SUPPORT_TICKET_RESOLVED);
        assertThat(EventType.ofTrackName("order completed")).isEqualTo(EventType.CUSTOM_TRACK);
        assertThat(EventType.ofTrackName("Order Completed ")).isEqualTo(EventType.CUSTOM_TRACK);
        assertThat(EventType.ofTrackName("Wishlist Shared")).isEqualTo(EventType.CUSTOM_TRACK);
        assertThat(EventType.ofTrackName(null)).isEqualTo(EventType.CUSTOM_TRACK);
        // a track call named like a call type is still a custom track event, not an identify
        assertThat(EventType.ofTrackName("identify")).isEqualTo(EventType.CUSTOM_TRACK);
    }

    @Test
    void wireNameLookup() {
        assertThat(EventType.ofWireName("page")).contains(EventType.PAGE);
        assertThat(EventType.ofWireName("Consent Updated")).contains(EventType.CONSENT_UPDATED);
        assertThat(EventType.ofWireName("Page")).isEmpty();
        assertThat(EventType.ofWireName(null)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaRefAndWireNameRoundTrip(EventType type) {
        assertThat(EventType.ofSchemaRef(type.schemaRef())).contains(type);
        if (type != EventType.CUSTOM_TRACK) {
            assertThat(EventType.ofWireName(type.wireName())).contains(type);
        }
        assertThat(type.schemaKey()).matches("[a-z_]+");
    }
}
