package org.triplehelix.matching.opensearch;

/**
 * The search cluster could not do what was asked: it is unreachable, red, without a cluster
 * manager, or it refused the request. The message says which, and where.
 */
public class SearchClusterException extends org.triplehelix.shared.UnavailableException {

    private final boolean transientFailure;

    SearchClusterException(String message, boolean transientFailure) {
        super("search", message);
        this.transientFailure = transientFailure;
    }

    SearchClusterException(String message, Throwable cause) {
        super("search", message, cause);
        this.transientFailure = true;
    }

    /** True when trying again later may succeed (unreachable, overloaded, no quorum), false when the request is wrong. */
    public boolean isTransient() {
        return transientFailure;
    }
}
