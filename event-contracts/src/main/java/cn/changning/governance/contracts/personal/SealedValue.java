package cn.changning.governance.contracts.personal;

/**
 * A personal value (a name, a phone number, an identity number, an address) as it is stored and published: encrypted
 * under the key of its data subject, never in clear. Only the service that owns the subject's key can open it, and
 * only until the subject is erased (the key is destroyed; the ciphertext stays, unreadable for ever).
 *
 * <p>JSON: {@code {"subject": "...", "ciphertext": "..."}}. The ciphertext (base64) is AES-256-GCM with a fresh nonce
 * per value, bound to the subject and to the field it was sealed for: moved to another subject or field it no longer
 * opens.</p>
 *
 * @param subject    the data subject's opaque reference, e.g. {@code case-reporter:<caseId>} or {@code party-member:<id>}:
 *                   the key's name in its service's key store, and what an erasure event names
 * @param ciphertext base64 of version byte, nonce and sealed bytes with their tag
 */
public record SealedValue(String subject, String ciphertext) {
}
