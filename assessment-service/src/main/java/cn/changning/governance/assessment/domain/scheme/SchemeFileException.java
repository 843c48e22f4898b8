package cn.changning.governance.assessment.domain.scheme;

/** A scheme file that cannot be used, with the file and the entry at fault; the service refuses to start on one. */
public class SchemeFileException extends IllegalStateException {

    public SchemeFileException(String resource, String reason, Throwable cause) {
        super(resource + ": " + reason, cause);
    }
}
