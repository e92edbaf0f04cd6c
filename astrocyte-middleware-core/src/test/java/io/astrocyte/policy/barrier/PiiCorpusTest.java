package io.astrocyte.policy.barrier;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocyte.config.PiiConfig;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A generated, labelled corpus (seeded, so every run sees the same strings): valid identifiers of every
 * type in sentences, and look-alikes that are not PII (failed checksums, prices, times, versions, order
 * numbers, dates without a birth cue). Prints precision and recall per type and asserts floors.
 */
class PiiCorpusTest {

    private record Sample(String type, String value, String text) {
    }

    private final Random rnd = new Random(20261124);
    private final PiiScanner scanner = PiiBarrier.scanner(new PiiConfig(null, null,
            List.of("SG", "IN", "US", "UK", "DE", "FR", "IT", "ES", "AU", "CA", "JP", "CN"), null, null));

    private static final String[] FRAMES = {"Please note %s for the file.", "My details: %s, thanks!",
        "Can you store %s somewhere safe?", "%s is the one to use."};

    private String digits(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(rnd.nextInt(10));
        }
        return sb.toString();
    }

    private static int luhnCheckDigit(String payload) {
        int sum = 0;
        for (int i = 0; i < payload.length(); i++) {
            int d = payload.charAt(payload.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return (10 - sum % 10) % 10;
    }

    private String card() {
        String[] prefixes = {"4", "51", "55", "37", "6011"};
        String prefix = prefixes[rnd.nextInt(prefixes.length)];
        int length = prefix.equals("37") ? 15 : 16;
        String payload = prefix + digits(length - 1 - prefix.length());
        String number = payload + luhnCheckDigit(payload);
        return switch (rnd.nextInt(3)) {
            case 0 -> number;
            case 1 -> number.replaceAll("(.{4})(?!$)", "$1 ");
            default -> number.replaceAll("(.{4})(?!$)", "$1-");
        };
    }

    private String iban() {
        String bban = rnd.nextBoolean() ? digits(18) : "WEST" + digits(14);
        String country = bban.startsWith("WEST") ? "GB" : "DE";
        String numeric = (bban + country + "00").chars()
                .mapToObj(c -> Character.isLetter(c) ? String.valueOf(c - 'A' + 10) : String.valueOf((char) c))
                .reduce("", String::concat);
        int check = 98 - new BigInteger(numeric).mod(BigInteger.valueOf(97)).intValue();
        String iban = country + String.format("%02d", check) + bban;
        return iban.replaceAll("(.{4})(?!$)", "$1 ");
    }

    private String ssn() {
        int area = 1 + rnd.nextInt(899);
        if (area == 666) {
            area = 665;
        }
        return String.format("%03d-%02d-%04d", area, 1 + rnd.nextInt(99), 1 + rnd.nextInt(9999));
    }

    private String dni() {
        int n = 10_000_000 + rnd.nextInt(89_999_999);
        return n + String.valueOf("TRWAGMYFPDXBNJZSQVHLCKE".charAt(n % 23));
    }

    private String chineseId() {
        String body = "110105" + (1950 + rnd.nextInt(60)) + String.format("%02d%02d", 1 + rnd.nextInt(12),
                1 + rnd.nextInt(28)) + digits(3);
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * w[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    private String sin() {
        String payload = (1 + rnd.nextInt(7)) + digits(7);
        String n = payload + luhnCheckDigit(payload);
        return n.substring(0, 3) + " " + n.substring(3, 6) + " " + n.substring(6);
    }

    private String tfn() {
        int[] w = {1, 4, 3, 7, 5, 8, 6, 9, 10};
        while (true) {
            String d = digits(9);
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (d.charAt(i) - '0') * w[i];
            }
            if (sum % 11 == 0) {
                return d.substring(0, 3) + " " + d.substring(3, 6) + " " + d.substring(6);
            }
        }
    }

    private String nhs() {
        while (true) {
            String d = digits(9);
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (d.charAt(i) - '0') * (10 - i);
            }
            int check = 11 - sum % 11;
            check = check == 11 ? 0 : check;
            if (check != 10) {
                String n = d + check;
                return n.substring(0, 3) + " " + n.substring(3, 6) + " " + n.substring(6);
            }
        }
    }

    private String letters(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append((char) ('A' + rnd.nextInt(26)));
        }
        return sb.toString();
    }

    private List<Sample> positives() {
        Map<String, Supplier<String>> gen = new TreeMap<>();
        gen.put("email", () -> letters(5).toLowerCase() + "." + letters(4).toLowerCase() + "@" + letters(6).toLowerCase() + ".com");
        gen.put("phone", () -> rnd.nextBoolean() ? "(" + (200 + rnd.nextInt(700)) + ") " + digits(3) + "-" + digits(4)
                : "+1 " + (200 + rnd.nextInt(700)) + " " + digits(3) + " " + digits(4));
        gen.put("ssn", this::ssn);
        gen.put("credit_card", this::card);
        gen.put("iban", this::iban);
        gen.put("ip_address", () -> (1 + rnd.nextInt(223)) + "." + rnd.nextInt(256) + "." + rnd.nextInt(256) + "." + rnd.nextInt(256));
        gen.put("date_of_birth", () -> "born on " + (1 + rnd.nextInt(28)) + "/" + (1 + rnd.nextInt(12)) + "/" + (1940 + rnd.nextInt(70)));
        gen.put("sg_nric", () -> "STFG".charAt(rnd.nextInt(4)) + digits(7) + letters(1));
        gen.put("in_pan", () -> letters(5) + digits(4) + letters(1));
        gen.put("uk_nino", () -> "AB " + digits(2) + " " + digits(2) + " " + digits(2) + " " + "ABCD".charAt(rnd.nextInt(4)));
        gen.put("uk_nhs", this::nhs);
        gen.put("es_dni", this::dni);
        gen.put("cn_resident_id", this::chineseId);
        gen.put("ca_sin", this::sin);
        gen.put("au_tfn", this::tfn);
        gen.put("it_fiscal_code", () -> letters(6) + digits(2) + "ABCDEHLMPRST".charAt(rnd.nextInt(12)) + digits(2) + letters(1) + digits(3) + letters(1));
        List<Sample> out = new ArrayList<>();
        for (Map.Entry<String, Supplier<String>> g : gen.entrySet()) {
            for (int i = 0; i < 12; i++) {
                String v = g.getValue().get();
                out.add(new Sample(g.getKey(), v, String.format(FRAMES[i % FRAMES.length], v)));
            }
        }
        return out;
    }

    private List<String> negatives() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String payload = "4" + digits(14);
            out.add("Order " + payload + ((luhnCheckDigit(payload) + 1) % 10) + " shipped today");
            out.add("The total was $" + (1 + rnd.nextInt(9)) + "," + digits(3) + "." + digits(2) + " including tax");
            out.add("We meet at " + (1 + rnd.nextInt(12)) + ":" + (10 + rnd.nextInt(50)) + " in room " + (100 + rnd.nextInt(400)));
            out.add("Upgrade to version " + rnd.nextInt(9) + "." + rnd.nextInt(20) + "." + rnd.nextInt(50));
            out.add("Ticket #" + digits(5) + " was closed on " + (1 + rnd.nextInt(28)) + "/" + (1 + rnd.nextInt(12)) + "/2024");
            out.add("In " + (1990 + rnd.nextInt(35)) + " she ran " + (5 + rnd.nextInt(40)) + " kilometres");
            int n = 10_000_000 + rnd.nextInt(89_999_999);
            char wrong = "TRWAGMYFPDXBNJZSQVHLCKE".charAt((n % 23 + 1) % 23);
            out.add("Reference " + n + wrong + " is pending");
            String iban = iban().replace(" ", "");
            out.add("Account code " + iban.substring(0, 2) + String.format("%02d", (Integer.parseInt(iban.substring(2, 4)) + 1) % 100)
                    + iban.substring(4));
            out.add("Alice met Bob in Lisbon and they talked about hiking for " + (2 + rnd.nextInt(5)) + " hours");
            out.add("Chapter " + (1 + rnd.nextInt(30)) + ", page " + (10 + rnd.nextInt(300)) + ", paragraph " + (1 + rnd.nextInt(9)));
        }
        return out;
    }

    @Test
    void precisionAndRecallOnAGeneratedCorpus() {
        List<Sample> positives = positives();
        List<String> negatives = negatives();
        Map<String, int[]> byType = new TreeMap<>(); // [found, total]
        int tp = 0;
        int redacted = 0;
        for (Sample s : positives) {
            int start = s.text().indexOf(s.value());
            int end = start + s.value().length();
            List<PiiMatch> matches = scanner.scan(s.text());
            boolean found = matches.stream()
                    .anyMatch(m -> m.type().equals(s.type()) && m.start() < end && m.end() > start);
            if (matches.stream().anyMatch(m -> m.start() < end && m.end() > start)) {
                redacted++;
            }
            byType.computeIfAbsent(s.type(), k -> new int[2])[1]++;
            if (found) {
                byType.get(s.type())[0]++;
                tp++;
            }
        }
        int fp = 0;
        List<String> falsePositives = new ArrayList<>();
        for (String n : negatives) {
            List<PiiMatch> m = scanner.scan(n);
            if (!m.isEmpty()) {
                fp++;
                falsePositives.add(m.get(0).type() + " in \"" + n + "\"");
            }
        }
        double recall = (double) tp / positives.size();
        double coverage = (double) redacted / positives.size();
        double precision = (double) tp / (tp + fp);
        // Typed recall needs the right type; coverage only needs some PII span on the value, which is what a
        // redaction needs. A 9-digit number valid as both an AU TFN and a CA SIN gets one of the two types.
        System.out.printf("PII corpus: %d positives, %d negatives; typed recall %.3f, redaction coverage %.3f, "
                + "precision %.3f%n", positives.size(), negatives.size(), recall, coverage, precision);
        byType.forEach((t, c) -> System.out.printf("  %-16s %d/%d%n", t, c[0], c[1]));
        falsePositives.forEach(f -> System.out.println("  false positive: " + f));

        assertThat(positives.size() + negatives.size()).isGreaterThanOrEqualTo(200);
        assertThat(byType.get("credit_card")[0]).as("every Luhn-valid card").isEqualTo(byType.get("credit_card")[1]);
        assertThat(recall).isGreaterThanOrEqualTo(0.95);
        assertThat(coverage).isEqualTo(1.0);
        assertThat(precision).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void everyLuhnValidCardIsCaughtInEveryFormat() {
        for (int i = 0; i < 300; i++) {
            String card = card();
            String text = "Charge it to " + card + " please";
            assertThat(scanner.scan(text)).as(card).anyMatch(m -> m.type().equals("credit_card")
                    && text.substring(m.start(), m.end()).equals(card));
        }
    }
}
