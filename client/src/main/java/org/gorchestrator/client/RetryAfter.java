package org.gorchestrator.client;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** An answer's Retry-After header (RFC 9110): a number of seconds or an HTTP date, as the time to wait from now. */
final class RetryAfter {
    static final String HEADER = "Retry-After";

    private RetryAfter() {}

    static Optional<Duration> of(HttpHeaders headers, Clock clock) {
        return headers.firstValue(HEADER).flatMap(value -> parse(value.trim(), clock));
    }

    static Optional<Duration> parse(String value, Clock clock) {
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(clock.instant(), ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return Optional.of(until.isNegative() ? Duration.ZERO : until);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
