package cn.changning.governance.common.personaldata;

import cn.changning.governance.contracts.personal.SealedValue;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link PersonalData} over the service's key store ({@link SubjectKeys}) and the JDK's AES-GCM
 * ({@link PersonalDataCipher}).
 *
 * <p>Unwrapped keys are cached for {@code keyCacheTtl}: an erasure on another instance of the service is seen here
 * at the latest that long after (the erasure event, which read models act on, is not delayed by it). A batch must
 * know whether a subject has a key already without asking the store for every subject: the instance keeps the
 * 64-bit hashes of the subjects the store holds, caught up from the rows' sequence at every {@link #batch()}; a hash
 * seen (possibly a collision) costs one look-up, an unseen one is a new subject.</p>
 */
public class KeyStorePersonalData implements PersonalData, AutoCloseable {

    private record CachedKey(SecretKey key, long loadedAt) {
    }

    private final PersonalDataCipher cipher;
    private final SubjectKeys keys;
    private final SecretKeySpec pseudonymKey;
    private final Clock clock;
    private final long cacheTtlNanos;
    private final int cacheSize;
    private final Map<String, CachedKey> cache = new ConcurrentHashMap<>();
    private final Set<Long> knownSubjects = ConcurrentHashMap.newKeySet();
    private long knownUpTo;

    KeyStorePersonalData(PersonalDataCipher cipher, SubjectKeys keys, byte[] pseudonymKey, Clock clock,
                         Duration keyCacheTtl, int keyCacheSize) {
        this.cipher = cipher;
        this.keys = keys;
        this.pseudonymKey = new SecretKeySpec(pseudonymKey, "HmacSHA256");
        this.clock = clock;
        this.cacheTtlNanos = keyCacheTtl.toNanos();
        this.cacheSize = keyCacheSize;
    }

    @Override
    public SealedValue seal(String subject, String field, String clear) {
        requireNames(subject, field);
        if (clear == null) {
            return null;
        }
        return new SealedValue(subject, cipher.seal(keyForSealing(subject), subject, field, clear));
    }

    @Override
    public Optional<String> open(SealedValue value, String field) {
        if (value == null || value.ciphertext() == null) {
            return Optional.empty();
        }
        requireNames(value.subject(), field);
        return storedKey(value.subject())
                .map(row -> row.map(key -> cipher.open(key, value.subject(), field, value.ciphertext())))
                .orElseThrow(() -> new IllegalArgumentException("no key for data subject " + value.subject()
                        + " in this service's key store (sealed elsewhere, or its batch was never flushed)"));
    }

    @Override
    public void erase(String subject) {
        requireNames(subject, "-");
        keys.erase(subject, clock.instant());
        cache.remove(subject);
        knownSubjects.add(hash(subject));
    }

    @Override
    public boolean isErased(String subject) {
        return keys.find(subject).map(SubjectKeys.Row::erased).orElse(false);
    }

    @Override
    public String pseudonym(String purpose, String value) {
        if (purpose == null || purpose.isBlank() || value == null) {
            throw new IllegalArgumentException("a pseudonym needs a purpose and a value");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(pseudonymKey);
            return HexFormat.of().formatHex(mac.doFinal((purpose + '\0' + value).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    @Override
    public Batch batch() {
        catchUpKnownSubjects();
        return new KeyBatch();
    }

    @Override
    public void close() {
        keys.close();
    }

    /**
     * Empty: no row for the subject. Present and empty: erased. Present with a key: the subject's key.
     */
    private Optional<Optional<SecretKey>> storedKey(String subject) {
        CachedKey cached = cache.get(subject);
        if (cached != null && System.nanoTime() - cached.loadedAt() < cacheTtlNanos) {
            return Optional.of(Optional.of(cached.key()));
        }
        return keys.find(subject).map(row -> {
            if (row.erased()) {
                cache.remove(subject);
                return Optional.empty();
            }
            SecretKey key = cipher.unwrap(subject, row.wrappedKey());
            remember(subject, key);
            return Optional.of(key);
        });
    }

    private SecretKey keyForSealing(String subject) {
        Optional<Optional<SecretKey>> stored = storedKey(subject);
        if (stored.isPresent()) {
            return stored.get().orElseThrow(() -> new ErasedSubjectException(subject));
        }
        SecretKey created = cipher.newDataKey();
        List<String> existing = keys.insertAbsent(Map.of(subject, cipher.wrap(subject, created)), clock.instant());
        knownSubjects.add(hash(subject));
        if (existing.isEmpty()) {
            remember(subject, created);
            return created;
        }
        // Another request or instance created it meanwhile: theirs is the subject's key.
        return storedKey(subject).flatMap(key -> key).orElseThrow(() -> new ErasedSubjectException(subject));
    }

    private void remember(String subject, SecretKey key) {
        if (cache.size() >= cacheSize) {
            cache.clear(); // crude but bounded: a bulk import does not hold every member's key in memory
        }
        cache.put(subject, new CachedKey(key, System.nanoTime()));
    }

    private synchronized void catchUpKnownSubjects() {
        long[] last = {knownUpTo};
        keys.subjectsAfter(knownUpTo, (subject, seq) -> {
            knownSubjects.add(hash(subject));
            last[0] = seq;
        });
        knownUpTo = last[0];
    }

    private static long hash(String subject) {
        byte[] bytes = subject.getBytes(StandardCharsets.UTF_8);
        long h = 0xcbf29ce484222325L; // FNV-1a, 64 bits: a collision only costs a look-up
        for (byte b : bytes) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    private static void requireNames(String subject, String field) {
        if (subject == null || subject.isBlank() || subject.length() > 300 || field == null || field.isBlank()) {
            throw new IllegalArgumentException("a personal value needs a subject (at most 300 characters) and a field");
        }
    }

    /** Not thread-safe: one batch per thread of an import. */
    private final class KeyBatch implements Batch {

        private final Map<String, SecretKey> created = new LinkedHashMap<>();

        @Override
        public SealedValue seal(String subject, String field, String clear) {
            requireNames(subject, field);
            if (clear == null) {
                return null;
            }
            SecretKey key = created.get(subject);
            if (key == null) {
                key = existingKey(subject);
            }
            if (key == null) {
                key = cipher.newDataKey();
                created.put(subject, key);
            }
            return new SealedValue(subject, cipher.seal(key, subject, field, clear));
        }

        private SecretKey existingKey(String subject) {
            CachedKey cached = cache.get(subject);
            if (cached != null && System.nanoTime() - cached.loadedAt() < cacheTtlNanos) {
                return cached.key();
            }
            if (!knownSubjects.contains(hash(subject))) {
                return null;
            }
            return storedKey(subject).map(key -> key.orElseThrow(() -> new ErasedSubjectException(subject))).orElse(null);
        }

        @Override
        public int flush() {
            if (created.isEmpty()) {
                return 0;
            }
            Map<String, byte[]> wrapped = new LinkedHashMap<>();
            created.forEach((subject, key) -> wrapped.put(subject, cipher.wrap(subject, key)));
            List<String> existing = keys.insertAbsent(wrapped, clock.instant());
            created.forEach((subject, key) -> knownSubjects.add(hash(subject)));
            existing.forEach(created::remove);
            created.forEach(KeyStorePersonalData.this::remember);
            int written = created.size();
            created.clear();
            if (!existing.isEmpty()) {
                existing.forEach(cache::remove);
                // Their values in this batch were sealed under a key that was not kept: they do not open. The caller
                // seals them again (a new batch finds the stored keys) before committing their events.
                throw new IllegalStateException(existing.size() + " data subjects of this batch were given keys by another"
                        + " writer meanwhile (e.g. " + existing.get(0) + "); seal their values again");
            }
            return written;
        }
    }
}
