package cn.changning.governance.common.personaldata;

import cn.changning.governance.contracts.personal.SealedValue;

import java.util.Optional;

/**
 * Personal data protected once for every service (ARCHITECTURE.md, decision 10): values are sealed with a key per data
 * subject before they enter a command, so the event store, Kafka, dead letters and logs hold ciphertext only. Keys live
 * in the service's key store (a database of their own, never the event store's), wrapped by the master key from
 * configuration. Erasure destroys the subject's key: every copy of the ciphertext (store, topic, backups, replays)
 * becomes unreadable, while the facts kept in clear (dates, places, categories) still count.
 *
 * <p>Field names bind a value to where it belongs ({@code reporter.name}, {@code member.identityNumber}): a value
 * opens only for the subject and field it was sealed for.</p>
 */
public interface PersonalData {

    /** Seals a clear value for a subject and field, creating the subject's key on first use; null stays null. Refused (ErasedSubjectException) for an erased subject. */
    SealedValue seal(String subject, String field, String clear);

    /** The clear value, or empty when the subject was erased (its key is gone); null stays empty. A value that does not open (tampered, another subject or field) is an IllegalArgumentException. */
    Optional<String> open(SealedValue value, String field);

    /** Destroys the subject's key (idempotent: erasing an erased or unknown subject does nothing more). */
    void erase(String subject);

    boolean isErased(String subject);

    /**
     * A stable keyed pseudonym of a value (HMAC-SHA-256 under a key from configuration, hex): the same identity number
     * gives the same pseudonym on every run and instance, so imports can recognise a person without storing the
     * number; it cannot be turned back into the value without the pseudonym key.
     *
     * @param purpose separates uses, e.g. {@code party-member}
     */
    String pseudonym(String purpose, String value);

    /**
     * Sealing many values at once (a bulk import): keys created by the batch are written to the key store in one
     * round trip by {@link Batch#flush()}, which must run before the events holding the values are committed.
     */
    Batch batch();

    interface Batch {
        SealedValue seal(String subject, String field, String clear);

        /** Writes the keys this batch created; returns how many. */
        int flush();
    }
}
