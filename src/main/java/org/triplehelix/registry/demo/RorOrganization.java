package org.triplehelix.registry.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * A ROR record read from either schema: v1 ({@code name}, {@code labels} with {@code iso639},
 * {@code addresses}, {@code links} as strings) or v2 ({@code names} with {@code lang} and
 * {@code types}, {@code locations}, {@code links} with a type). See the {@code _schema} field.
 */
record RorOrganization(String rorId, String nameEn, String nameZh, List<String> types, String province,
        List<String> places, String website, Integer established, String status, List<Relation> relations) {

    record Relation(String type, String rorId) {
    }

    static RorOrganization of(JsonNode json) {
        return "v2".equals(text(json.get("_schema"))) ? v2(json) : v1(json);
    }

    /** The short id, {@code 00p991c53} for {@code https://ror.org/00p991c53}. */
    String shortId() {
        return rorId.substring(rorId.lastIndexOf('/') + 1);
    }

    boolean hasType(String type) {
        return types.contains(type);
    }

    private static RorOrganization v1(JsonNode json) {
        String name = text(json.get("name"));
        String zh = null;
        String en = isChinese(name) ? null : name;
        for (JsonNode label : json.path("labels")) {
            String value = text(label.get("label"));
            String lang = text(label.get("iso639"));
            if (zh == null && "zh".equals(lang)) {
                zh = value;
            } else if (en == null && "en".equals(lang)) {
                en = value;
            }
        }
        if (zh == null && isChinese(name)) {
            zh = name;
        }
        JsonNode address = json.path("addresses").path(0);
        JsonNode city = address.path("geonames_city");
        String province = text(city.path("geonames_admin1").get("name"));
        List<String> places = nonNull(text(city.path("geonames_admin2").get("name")), text(city.get("city")),
                text(address.get("city")));
        JsonNode link = json.path("links").path(0);
        List<Relation> relations = new ArrayList<>();
        for (JsonNode relation : json.path("relationships")) {
            relations.add(new Relation(lower(text(relation.get("type"))), text(relation.get("id"))));
        }
        return new RorOrganization(text(json.get("id")), en, zh, types(json), province, places, text(link),
                integer(json.get("established")), text(json.get("status")), relations);
    }

    private static RorOrganization v2(JsonNode json) {
        String display = null;
        String en = null;
        String zh = null;
        String zhAlias = null;
        for (JsonNode name : json.path("names")) {
            String value = text(name.get("value"));
            String lang = text(name.get("lang"));
            List<String> nameTypes = new ArrayList<>();
            name.path("types").forEach(t -> nameTypes.add(t.asString()));
            if (nameTypes.contains("ror_display")) {
                display = value;
            }
            boolean label = nameTypes.contains("label") || nameTypes.contains("ror_display");
            if (!label && zhAlias == null && "zh".equals(lang)) {
                zhAlias = value;
            }
            if (label && zh == null && "zh".equals(lang)) {
                zh = value;
            } else if (label && en == null && "en".equals(lang)) {
                en = value;
            }
        }
        if (display != null && !isChinese(display)) {
            en = display;
        } else if (display != null && zh == null) {
            zh = display;
        }
        if (zh == null) {
            zh = zhAlias;
        }
        JsonNode location = json.path("locations").path(0).path("geonames_details");
        String province = text(location.get("country_subdivision_code"));
        if (province == null) {
            province = text(location.get("country_subdivision_name"));
        }
        List<String> places = nonNull(text(location.get("name")));
        String website = null;
        for (JsonNode link : json.path("links")) {
            if (website == null && "website".equals(text(link.get("type")))) {
                website = text(link.get("value"));
            }
        }
        List<Relation> relations = new ArrayList<>();
        for (JsonNode relation : json.path("relationships")) {
            relations.add(new Relation(lower(text(relation.get("type"))), text(relation.get("id"))));
        }
        return new RorOrganization(text(json.get("id")), en, zh, types(json), province, places, website,
                integer(json.get("established")), text(json.get("status")), relations);
    }

    private static List<String> types(JsonNode json) {
        List<String> types = new ArrayList<>();
        json.path("types").forEach(t -> types.add(lower(t.asString())));
        return types;
    }

    static boolean isChinese(String text) {
        return text != null && text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private static List<String> nonNull(String... values) {
        List<String> list = new ArrayList<>();
        for (String value : values) {
            if (value != null) {
                list.add(value);
            }
        }
        return list;
    }

    private static String lower(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }

    private static Integer integer(JsonNode node) {
        return node == null || !node.isNumber() ? null : node.asInt();
    }

    static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        String text = node.asString();
        return text == null || text.isBlank() ? null : text.strip();
    }
}
