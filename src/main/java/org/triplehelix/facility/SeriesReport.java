package org.triplehelix.facility;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * What became of each occurrence of a weekly request: {@code booked} (with its booking),
 * {@code conflict} (with the booking or maintenance window in the way) or {@code refused} (a
 * booking rule: closed, lead time, …, with the reason).
 */
public record SeriesReport(Long seriesId, boolean skipConflicts, int booked, int notBooked, List<Occurrence> occurrences) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Occurrence(Instant start, Instant end, String slot, String outcome, Long bookingId, String status,
                             SlotConflict conflict, String reason, String message) {
    }

    public SeriesReport {
        occurrences = List.copyOf(occurrences);
    }
}
