package org.entente.core.cap;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * {@code alert/info} (CAP 1.2 section 3.2.2): the subject event. Required: at least one category, event,
 * urgency, severity and certainty. Optional single values are null when absent, repeated ones empty lists;
 * {@code language} null means the specification's default, {@code en-US}.
 */
public record Info(
        String language, List<Category> categories, String event, List<ResponseType> responseTypes,
        Urgency urgency, Severity severity, Certainty certainty, String audience, List<Parameter> eventCodes,
        OffsetDateTime effective, OffsetDateTime onset, OffsetDateTime expires, String senderName,
        String headline, String description, String instruction, String web, String contact,
        List<Parameter> parameters, List<Resource> resources, List<Area> areas) {
    public Info {
        categories = CapText.list(categories);
        if (categories.isEmpty()) throw new InvalidCapException("<category> is required in <info>");
        CapText.require(event, "event");
        responseTypes = CapText.list(responseTypes);
        CapText.require(urgency, "urgency");
        CapText.require(severity, "severity");
        CapText.require(certainty, "certainty");
        eventCodes = CapText.list(eventCodes);
        parameters = CapText.list(parameters);
        resources = CapText.list(resources);
        areas = CapText.list(areas);
    }

    /** An info block with the required elements and a headline and description, nothing else. */
    public static Info of(Category category, String event, Urgency urgency, Severity severity, Certainty certainty,
                          String headline, String description) {
        return new Info(null, List.of(category), event, List.of(), urgency, severity, certainty, null, List.of(),
                null, null, null, null, headline, description, null, null, null, List.of(), List.of(), List.of());
    }
}
