package cn.changning.governance.dispatch.domain;

import cn.changning.governance.common.domain.DomainRuleViolation;

import java.net.URI;
import java.util.List;

/** Checks of a command's input that the order's handlers share. */
final class OrderChecks {

    static final int MAX_NOTE = 2000;
    static final int MAX_PHOTOS = 20;

    private OrderChecks() {
    }

    static void require(String value, String field, String message) {
        if (value == null || value.isBlank()) {
            throw DomainRuleViolation.invalid(field + "-missing", field, message);
        }
    }

    static void note(String note) {
        if (note != null && note.length() > MAX_NOTE) {
            throw DomainRuleViolation.invalid("note-too-long", "note", "At most " + MAX_NOTE + " characters");
        }
    }

    /** A report's photos: at most {@value #MAX_PHOTOS}, each an http(s) URL. */
    static List<String> photos(List<String> photoUrls) {
        List<String> photos = photoUrls == null ? List.of() : List.copyOf(photoUrls);
        if (photos.size() > MAX_PHOTOS) {
            throw DomainRuleViolation.invalid("too-many-photos", "photoUrls", "At most " + MAX_PHOTOS + " photos");
        }
        for (int i = 0; i < photos.size(); i++) {
            if (!isHttpUrl(photos.get(i))) {
                throw DomainRuleViolation.invalid("photo-url-invalid", "photoUrls[" + i + "]", "Not an http(s) URL: " + photos.get(i));
            }
        }
        return photos;
    }

    static boolean isHttpUrl(String value) {
        try {
            URI uri = URI.create(value);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
