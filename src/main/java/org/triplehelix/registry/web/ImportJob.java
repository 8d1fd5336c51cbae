package org.triplehelix.registry.web;

import java.util.List;
import org.triplehelix.registry.ImportMessage;
import org.triplehelix.registry.ImportProgress;
import org.triplehelix.registry.ImportReport;

/** An upload being imported in the background: its files, how far it got, then its report or the error that stopped it. */
public final class ImportJob {

    private final String id;
    private final List<String> files;
    private volatile ImportProgress progress;
    private volatile ImportReport report;
    private volatile String error;
    private volatile ImportMessage failure;

    ImportJob(String id, List<String> files) {
        this.id = id;
        this.files = List.copyOf(files);
    }

    public String id() {
        return id;
    }

    public List<String> files() {
        return files;
    }

    public ImportProgress progress() {
        return progress;
    }

    public ImportReport report() {
        return report;
    }

    /** Why the import stopped, in English as the software said it (the JSON API's error); null while it has not. */
    public String error() {
        return error;
    }

    /** Why the import stopped, for the page: a message in the reader's language, the English error as its detail. */
    public ImportMessage failure() {
        return failure;
    }

    public boolean done() {
        return report != null || error != null;
    }

    /** Percent of the current file read, 0 while unknown. */
    public int percent() {
        ImportProgress current = progress;
        return current == null || current.fraction() < 0 ? 0 : (int) Math.round(current.fraction() * 100);
    }

    public long records() {
        ImportProgress current = progress;
        return current == null ? 0 : current.records();
    }

    /** checking (the first pass, finding repeated ids), reading (the second, writing), linking (forward links). */
    public String phase() {
        ImportProgress current = progress;
        return current == null ? "checking" : current.phase();
    }

    void progress(ImportProgress progress) {
        this.progress = progress;
    }

    void finish(ImportReport report) {
        this.report = report;
    }

    void fail(String error, ImportMessage failure) {
        this.failure = failure;
        this.error = error; // last: done() turns true with both set
    }
}
