package io.postyard.openmail;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import javax.inject.Inject;

import io.postyard.core.settings.PostyardSettings;
import io.postyard.openmail.store.ThreadMessage;

/**
 * Attachment URLs: {@code /v1/attachments/{messageId}/{filename}}, the documented path, fetched with the owner's
 * Bearer key like every route; nothing in the URL grants access, so it can be built by hand or kept for later.
 */
class AttachmentLinks {
    private final String base;

    @Inject
    AttachmentLinks(PostyardSettings settings) {
        this.base = settings.publicUrl() + OpenmailApi.BASE + "/attachments/";
    }

    String url(ThreadMessage message, ThreadMessage.AttachmentInfo attachment) {
        return base + message.id() + "/" + URLEncoder.encode(attachment.filename(), StandardCharsets.UTF_8).replace("+", "%20");
    }
}
