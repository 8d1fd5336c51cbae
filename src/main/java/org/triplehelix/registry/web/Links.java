package org.triplehelix.registry.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.web.util.UriComponentsBuilder;

/** URLs and numbers as the registry's templates write them (public because templates are compiled elsewhere). */
public final class Links {

    private Links() {
    }

    /** A path with query parameters given as name, value pairs; blank values are left out, the rest encoded. */
    public static String to(String path, Object... namesAndValues) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value != null && !value.toString().isBlank()) {
                builder.queryParam(namesAndValues[i].toString(), value);
            }
        }
        return builder.build().encode().toUriString();
    }

    /** A count with thousands separators: 141,971. */
    public static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** A link target taken from data, only when it is a web address (never javascript: or data:). */
    public static String external(String url) {
        if (url == null) {
            return null;
        }
        String trimmed = url.strip();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://") || lower.startsWith("http://")) {
            return trimmed;
        }
        return lower.matches("^[a-z0-9.-]+\\.[a-z]{2,}(/.*)?$") ? "https://" + trimmed : null;
    }

    /** The ROR page of an identifier given as a URL or as its bare form (05v9jqt67). */
    public static String ror(String ror) {
        if (ror == null || ror.isBlank()) {
            return null;
        }
        String bare = ror.strip().replaceFirst("^https?://ror\\.org/", "");
        return bare.matches("^[0-9a-z]{9}$") ? "https://ror.org/" + bare : null;
    }

    /** The ORCID page of an identifier given as a URL or as its bare form (0000-0002-1825-0097). */
    public static String orcid(String orcid) {
        if (orcid == null || orcid.isBlank()) {
            return null;
        }
        String bare = orcid.strip().replaceFirst("^https?://orcid\\.org/", "");
        return bare.matches("^\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dX]$") ? "https://orcid.org/" + bare : null;
    }

    /** The page numbers to offer around the current one (0-based), with -1 for a gap: 0 … 4 5 6 … 20. */
    public static List<Integer> pageWindow(int current, int pages) {
        List<Integer> window = new ArrayList<>();
        for (int p = 0; p < pages; p++) {
            if (p == 0 || p == pages - 1 || Math.abs(p - current) <= 2) {
                window.add(p);
            } else if (window.getLast() != -1) {
                window.add(-1);
            }
        }
        return window;
    }
}
