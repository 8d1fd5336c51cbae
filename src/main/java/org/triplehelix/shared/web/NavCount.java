package org.triplehelix.shared.web;

import java.util.function.LongSupplier;

/**
 * A number a module shows on its navigation link for the signed-in user, such as the open
 * invitations of their organization on the challenges link. Modules declare one as a bean; the
 * layout asks {@link PageContext#navCount(String)}, which calls {@link #count()} at most once a
 * page and never for a visitor who is not signed in. Keep {@link #count()} to one cheap query.
 */
public interface NavCount {

    /** The path of the navigation link the count belongs to, e.g. {@code /challenges}. */
    String path();

    /** The count for the signed-in user; 0 shows nothing. */
    long count();

    /** The message key saying what the count means, with the count as {@code {0}}. */
    String labelKey();

    /** A count that is a link's path, its label's key and one call: what a module's bean extends. */
    abstract class Fixed implements NavCount {

        private final String path;
        private final String labelKey;
        private final LongSupplier count;

        protected Fixed(String path, String labelKey, LongSupplier count) {
            this.path = path;
            this.labelKey = labelKey;
            this.count = count;
        }

        @Override
        public final String path() {
            return path;
        }

        @Override
        public final long count() {
            return count.getAsLong();
        }

        @Override
        public final String labelKey() {
            return labelKey;
        }
    }
}
