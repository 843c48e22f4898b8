package cn.changning.governance.systemtests.fuzz;

import cn.changning.governance.systemtests.fuzz.ApiDocuments.Operation;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * The requests of a run, decided by the seed alone: every operation's baseline and rounds of mutations of them
 * ({@link Mutations}), as many as the run asks for.
 */
public final class FuzzCatalogue {

    private final long seed;
    private final Values.Callers callers;
    private final Function<Operation, String> lackingScope;
    private final String forgedToken;
    private final String expiredToken;

    /**
     * @param validToken a real token of the platform, whose signature is then spoilt
     * @param issuer     the platform's issuer, named by the expired token
     */
    public FuzzCatalogue(long seed, Values.Callers callers, Function<Operation, String> lackingScope, String validToken, String issuer) {
        this.seed = seed;
        this.callers = callers;
        this.lackingScope = lackingScope;
        this.forgedToken = spoilSignature(validToken);
        this.expiredToken = expiredSelfSigned(issuer);
    }

    /** Each operation's valid request. */
    public List<FuzzRequest> baselines(List<Operation> operations, Function<Operation, Map<String, String>> samples) {
        return operations.stream().map(op -> Values.baseline(op, samples.apply(op), callers)).toList();
    }

    /**
     * A round of mutations of the baselines: round 0 every mutation of the catalogue, later rounds the same with new
     * random values and without the huge bodies (which vary in nothing). Each round has a random of its own, so that a
     * round is the same whichever rounds came before.
     */
    public List<FuzzRequest> round(int round, List<FuzzRequest> baselines, Function<Operation, Map<String, String>> samples) {
        Random random = new Random(seed * 31 + round);
        List<FuzzRequest> mutations = new ArrayList<>();
        for (FuzzRequest base : baselines) {
            Operation op = base.operation();
            Mutations.Context ctx = new Mutations.Context(random, lackingScope.apply(op), forgedToken, expiredToken);
            for (FuzzRequest r : Mutations.of(base, samples.apply(op), ctx)) {
                if (round == 0 || !(r.kind().equals("body.huge") || r.kind().equals("body.size-10mb"))) {
                    mutations.add(r);
                }
            }
        }
        return mutations;
    }

    /** The same header and claims, a signature that is not the issuer's. */
    private static String spoilSignature(String token) {
        String[] parts = token.split("\\.");
        char[] signature = parts[2].toCharArray();
        int middle = signature.length / 2;
        signature[middle] = signature[middle] == 'A' ? 'B' : 'A';
        return parts[0] + "." + parts[1] + "." + new String(signature);
    }

    /** A token that expired an hour ago, signed with a key of the suite's own (HS256): expired and forged. */
    private static String expiredSelfSigned(String issuer) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"iss\":\"" + issuer + "\",\"sub\":\"district-centre\",\"aud\":\"governance-platform\","
                + "\"scope\":\"cases:read cases:handle dispatch:read dispatch:agency dispatch:street dispatch:district reference:read\","
                + "\"iat\":" + (now - 7200) + ",\"exp\":" + (now - 3600) + "}").getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec("fuzz-secret-fuzz-secret-fuzz-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return header + "." + claims + "." + b64.encodeToString(mac.doFinal((header + "." + claims).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
