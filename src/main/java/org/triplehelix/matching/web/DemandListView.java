package org.triplehelix.matching.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.triplehelix.matching.Demand;
import org.triplehelix.matching.DemandService;
import org.triplehelix.shared.Page;
import org.triplehelix.shared.web.FormErrors;

/**
 * The demand list: one page of it, the status tab, the words searched and the order, each kept by the links of the
 * others (a tab keeps the words and the order, the pager all three). {@code sort} is the order shown: an unknown one
 * is marked in {@code refused}, and the list comes in the default order.
 */
public record DemandListView(Page<Demand> page, String status, String q, DemandService.Sort sort, FormErrors refused, boolean canPost) {

    /** The list with this status tab ("" for all) and page (from 0), the words and the order kept. */
    public String href(String tab, int pageNumber) {
        List<String> params = new ArrayList<>();
        if (!tab.isEmpty()) {
            params.add("status=" + encode(tab));
        }
        if (!q.isEmpty()) {
            params.add("q=" + encode(q));
        }
        if (sort != DemandService.Sort.UPDATED) {
            params.add("sort=" + sort.id());
        }
        if (pageNumber > 0) {
            params.add("page=" + pageNumber);
        }
        return "/demands" + (params.isEmpty() ? "" : "?" + String.join("&", params));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
