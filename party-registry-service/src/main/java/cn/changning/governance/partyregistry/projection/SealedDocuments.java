package cn.changning.governance.partyregistry.projection;

import cn.changning.governance.contracts.personal.SealedValue;
import org.bson.Document;

/** A sealed value as the read models store it: the published {@code {subject, ciphertext}}, never opened here. */
public final class SealedDocuments {

    public static final String SUBJECT = "subject";
    public static final String CIPHERTEXT = "ciphertext";

    private SealedDocuments() {
    }

    public static Document of(SealedValue value) {
        return value == null ? null : new Document(SUBJECT, value.subject()).append(CIPHERTEXT, value.ciphertext());
    }

    public static SealedValue read(Document document, String field) {
        Document sealed = document.get(field, Document.class);
        return sealed == null ? null : new SealedValue(sealed.getString(SUBJECT), sealed.getString(CIPHERTEXT));
    }
}
