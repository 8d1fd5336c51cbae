package org.triplehelix.facility;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.triplehelix.shared.InvalidInputException;

/**
 * Times as the API takes them: ISO-8601 with an offset ({@code 2025-03-04T10:00+08:00}) or
 * {@code Z}; without one, local time in Asia/Shanghai; a date alone is its midnight there. A bad value is a 400 naming the field.
 */
public final class Times {

    private Times() {
    }

    public static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, field + " is missing", "facility.error.time");
        }
        String text = value.strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(FacilityTime.ZONE).toInstant()
                        : LocalDateTime.parse(text).atZone(FacilityTime.ZONE).toInstant();
            } catch (DateTimeParseException again) {
                throw new InvalidInputException(field, field + " is not an ISO-8601 time such as 2025-03-04T10:00:00+08:00",
                        "facility.error.time");
            }
        }
    }

    public static Instant instantOrNull(String field, String value) {
        return value == null || value.isBlank() ? null : instant(field, value);
    }

    public static LocalDate date(String field, String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, field + " is not a date such as 2025-03-04", "form.date", value);
        }
    }

    public static YearMonth month(String field, String value) {
        try {
            return YearMonth.parse(value.strip());
        } catch (DateTimeParseException | NullPointerException e) {
            throw new InvalidInputException(field, field + " is not a month such as 2025-03", "facility.error.yearMonth", value);
        }
    }
}
