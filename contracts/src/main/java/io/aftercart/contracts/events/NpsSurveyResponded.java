package io.aftercart.contracts.events;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Properties of {@code NPS Survey Responded} (schema {@code nps_survey_responded/1-0-0}); score is 0..10. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record NpsSurveyResponded(
        Integer score,
        String comment,
        String surveyId,
        String orderId) {
}
