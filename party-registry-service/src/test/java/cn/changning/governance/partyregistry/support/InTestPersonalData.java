package cn.changning.governance.partyregistry.support;

import cn.changning.governance.common.personaldata.ErasedSubjectException;
import cn.changning.governance.common.personaldata.PersonalData;
import cn.changning.governance.contracts.personal.SealedValue;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A PersonalData for tests only, until the common module's implementation (key store in PostgreSQL) is merged:
 * AES-GCM from the JDK with a key per subject in memory, the subject and field bound as associated data.
 */
public class InTestPersonalData implements PersonalData {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<String, SecretKey> keys = new ConcurrentHashMap<>();
    private final Set<String> erased = ConcurrentHashMap.newKeySet();
    private final SecretKeySpec pseudonymKey = new SecretKeySpec("in-test-pseudonym-key".getBytes(StandardCharsets.UTF_8), "HmacSHA256");

    @Override
    public SealedValue seal(String subject, String field, String clear) {
        if (clear == null) {
            return null;
        }
        if (erased.contains(subject)) {
            throw new ErasedSubjectException(subject);
        }
        SecretKey key = keys.computeIfAbsent(subject, s -> newKey());
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD((subject + "|" + field).getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
            return new SealedValue(subject, Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Optional<String> open(SealedValue value, String field) {
        if (value == null) {
            return Optional.empty();
        }
        SecretKey key = keys.get(value.subject());
        if (key == null) {
            return Optional.empty();
        }
        try {
            byte[] all = Base64.getDecoder().decode(value.ciphertext());
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            cipher.updateAAD((value.subject() + "|" + field).getBytes(StandardCharsets.UTF_8));
            return Optional.of(new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the value does not open for " + value.subject() + " " + field);
        }
    }

    @Override
    public void erase(String subject) {
        erased.add(subject);
        keys.remove(subject);
    }

    @Override
    public boolean isErased(String subject) {
        return erased.contains(subject);
    }

    @Override
    public String pseudonym(String purpose, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(pseudonymKey);
            return HexFormat.of().formatHex(mac.doFinal((purpose + ":" + value).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Batch batch() {
        return new Batch() {
            @Override
            public SealedValue seal(String subject, String field, String clear) {
                return InTestPersonalData.this.seal(subject, field, clear);
            }

            @Override
            public int flush() {
                return 0;
            }
        };
    }

    private static SecretKey newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
