package org.triplehelix.matching;

/** Reports how far a long task has got (the command line draws a bar on standard error). */
public interface Progress {

    Progress NONE = new Progress() {
        @Override
        public void start(String task, long total) {
        }

        @Override
        public void advance(long done) {
        }

        @Override
        public void finish() {
        }
    };

    void start(String task, long total);

    void advance(long done);

    void finish();
}
