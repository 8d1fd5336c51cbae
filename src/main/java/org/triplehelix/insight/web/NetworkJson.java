package org.triplehelix.insight.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.triplehelix.insight.Indicators;
import org.triplehelix.shared.web.PageContext;

/** The collaboration network for ECharts' graph (nodes by tier, links weighted by shared outputs) and as table rows. */
public final class NetworkJson {

    private NetworkJson() {
    }

    /** A link with both organizations. */
    public record LinkRow(Indicators.Node source, Indicators.Node target, long outputs, long others) {
    }

    public static List<LinkRow> rows(Indicators.Network network) {
        Map<Long, Indicators.Node> nodes = network.nodes().stream().collect(Collectors.toMap(Indicators.Node::id, Function.identity()));
        return network.links().stream().map(l -> new LinkRow(nodes.get(l.source()), nodes.get(l.target()), l.outputs(), l.others())).toList();
    }

    public static String of(PageContext ctx, Indicators.Network network) {
        List<String> tiers = network.nodes().stream().map(n -> n.tier() == null ? "other" : n.tier()).distinct().sorted().toList();
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (Indicators.Node node : network.nodes()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", String.valueOf(node.id()));
            item.put("name", node.name() == null ? node.extId() : ctx.text(node.name()));
            item.put("category", tiers.indexOf(node.tier() == null ? "other" : node.tier()));
            item.put("value", node.outputs());
            item.put("symbolSize", Math.min(40, 6 + Math.sqrt(node.outputs()) * 2));
            item.put("href", "/organizations/" + node.extId());
            nodes.add(item);
        }
        List<Map<String, Object>> links = new ArrayList<>();
        for (Indicators.Link link : network.links()) {
            links.add(Map.of("source", String.valueOf(link.source()), "target", String.valueOf(link.target()), "value", link.strength()));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("categories", tiers.stream().map(t -> Map.of("name", ctx.msg("insight.tier." + t))).toList());
        data.put("nodes", nodes);
        data.put("links", links);
        return OverviewView.JSON.writeValueAsString(data);
    }
}
