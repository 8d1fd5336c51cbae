package org.triplehelix.facility;

import java.util.List;

/**
 * Published (inside the writing transaction) when facilities' profiles change, by their
 * external ids: their capabilities text ({@link FacilityCatalog#searchText}) is what the search
 * index should hold beside the registry's description.
 */
public record FacilityProfileChanged(List<String> extIds) {

    public FacilityProfileChanged {
        extIds = List.copyOf(extIds);
    }
}
