package cn.changning.governance.identity.config;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Prints the line for the client secrets file: {@code <clientId>: {bcrypt}<hash>}. The secret is read from the
 * console (not echoed) or standard input, never from the command line (it would stay in the shell's history):
 * <pre>java -cp authorization-server-exec.jar -Dloader.main=cn.changning.governance.identity.config.HashSecret \
 *     org.springframework.boot.loader.launch.PropertiesLauncher street-310105001</pre>
 */
public final class HashSecret {

    private HashSecret() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: HashSecret <clientId>   (the secret is read from the console or standard input)");
            System.exit(2);
        }
        String secret = readSecret();
        if (secret == null || secret.length() < 16) {
            System.err.println("a client secret must have at least 16 characters");
            System.exit(1);
        }
        System.out.println(line(args[0], secret));
    }

    static String line(String clientId, String secret) {
        return clientId + ": " + new ClientSecretEncoder().encode(secret);
    }

    private static String readSecret() throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] secret = console.readPassword("secret: ");
            return secret == null ? null : new String(secret);
        }
        return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }
}
