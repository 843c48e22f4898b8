package cn.changning.governance.common.personaldata;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * AES-256-GCM from the JDK: data keys wrapped by the master key (AAD = subject), values sealed under their subject's
 * key (AAD = subject, NUL, field), each with a fresh 12-byte nonce. Both formats are {@code version | nonce | ct+tag},
 * so a later format (another algorithm, a rotated master key) can be told apart.
 */
final class PersonalDataCipher {

    static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is not available in this JDK", e);
        }
    });

    /**
     * Random bytes for nonces and keys, drawn from a DRBG per thread 4 KB at a time: one call per value cost more than
     * the encryption (a bulk import seals half a million values).
     */
    private static final ThreadLocal<RandomBytes> RANDOM = ThreadLocal.withInitial(RandomBytes::new);

    private final SecretKey masterKey;

    PersonalDataCipher(byte[] masterKey) {
        if (masterKey.length != KEY_BYTES) {
            throw new IllegalArgumentException("the master key must be 32 bytes (AES-256), was " + masterKey.length);
        }
        this.masterKey = new SecretKeySpec(masterKey, "AES");
    }

    SecretKey newDataKey() {
        byte[] key = RANDOM.get().next(KEY_BYTES);
        return new SecretKeySpec(key, "AES");
    }

    byte[] wrap(String subject, SecretKey dataKey) {
        return encrypt(masterKey, dataKey.getEncoded(), subject.getBytes(StandardCharsets.UTF_8));
    }

    SecretKey unwrap(String subject, byte[] wrapped) {
        byte[] key = decrypt(masterKey, wrapped, subject.getBytes(StandardCharsets.UTF_8), "the key of " + subject
                + " does not open under this master key");
        return new SecretKeySpec(key, "AES");
    }

    String seal(SecretKey dataKey, String subject, String field, String clear) {
        return Base64.getEncoder().encodeToString(encrypt(dataKey, clear.getBytes(StandardCharsets.UTF_8), aad(subject, field)));
    }

    String open(SecretKey dataKey, String subject, String field, String ciphertext) {
        byte[] sealed;
        try {
            sealed = Base64.getDecoder().decode(ciphertext);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a sealed value of " + subject + " is not base64");
        }
        return new String(decrypt(dataKey, sealed, aad(subject, field),
                "a sealed value of " + subject + " does not open as " + field + " (tampered, or another subject or field)"),
                StandardCharsets.UTF_8);
    }

    private static byte[] aad(String subject, String field) {
        return (subject + '\0' + field).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] encrypt(SecretKey key, byte[] clear, byte[] aad) {
        byte[] nonce = RANDOM.get().next(NONCE_BYTES);
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            byte[] out = new byte[1 + NONCE_BYTES + cipher.getOutputSize(clear.length)];
            out[0] = VERSION;
            System.arraycopy(nonce, 0, out, 1, NONCE_BYTES);
            cipher.doFinal(clear, 0, clear.length, out, 1 + NONCE_BYTES);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }

    private static byte[] decrypt(SecretKey key, byte[] sealed, byte[] aad, String refusal) {
        if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
            throw new IllegalArgumentException(refusal + ": not a version " + VERSION + " value");
        }
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
            cipher.updateAAD(aad);
            return cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException(refusal);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }

    private static final class RandomBytes {
        private final SecureRandom random;
        private final byte[] buffer = new byte[4096];
        private int used = buffer.length;

        RandomBytes() {
            SecureRandom r;
            try {
                r = SecureRandom.getInstance("DRBG");
            } catch (GeneralSecurityException e) {
                r = new SecureRandom();
            }
            random = r;
        }

        byte[] next(int n) {
            if (used + n > buffer.length) {
                random.nextBytes(buffer);
                used = 0;
            }
            byte[] out = Arrays.copyOfRange(buffer, used, used + n);
            Arrays.fill(buffer, used, used + n, (byte) 0); // handed out once, never kept
            used += n;
            return out;
        }
    }
}
