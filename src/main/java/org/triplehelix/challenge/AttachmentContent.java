package org.triplehelix.challenge;

/** An attachment's bytes, for download. */
public record AttachmentContent(String fileName, String contentType, byte[] content) {
}
