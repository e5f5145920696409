package io.aftercart.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SchemaViolationTest {

    @Test
    void rebasesUnderAPrefix() {
        SchemaViolation violation = new SchemaViolation("$.products[0].price", "must be >= 0");
        assertThat(violation.rebased("$.properties").path()).isEqualTo("$.properties.products[0].price");
        assertThat(violation.rebased("$.batch[3].properties").path())
                .isEqualTo("$.batch[3].properties.products[0].price");
        assertThat(violation.rebased("$.properties").message()).isEqualTo("must be >= 0");
        assertThat(new SchemaViolation("$", "object expected").rebased("$.traits").path()).isEqualTo("$.traits");
        assertThat(new SchemaViolation("$[2]", "x").rebased("$.batch").path()).isEqualTo("$.batch[2]");
    }

    @Test
    void refusesPathsThatAreNotRootRelative() {
        assertThatThrownBy(() -> new SchemaViolation("products[0]", "x").rebased("$.properties"))
                .isInstanceOf(IllegalStateException.class);
    }
}
