package cn.changning.governance.common.personaldata;

/** A value was to be sealed for a data subject that has been erased: its data may not be recorded again under that subject. */
public class ErasedSubjectException extends RuntimeException {

    private final String subject;

    public ErasedSubjectException(String subject) {
        super("data subject " + subject + " has been erased");
        this.subject = subject;
    }

    public String subject() {
        return subject;
    }
}
