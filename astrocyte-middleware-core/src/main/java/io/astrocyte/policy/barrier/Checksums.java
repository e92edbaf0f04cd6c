package io.astrocyte.policy.barrier;

import java.math.BigInteger;

/** Check-digit tests that keep number-shaped text from being taken for PII. */
final class Checksums {

    private Checksums() {
    }

    static String digits(String s) {
        return s.replaceAll("[^0-9]", "");
    }

    /** Luhn (mod 10), for payment cards and Canadian SINs. */
    static boolean luhn(String text) {
        String d = digits(text);
        if (d.isEmpty()) {
            return false;
        }
        int sum = 0;
        boolean twice = false;
        for (int i = d.length() - 1; i >= 0; i--) {
            int n = d.charAt(i) - '0';
            if (twice) {
                n *= 2;
                if (n > 9) {
                    n -= 9;
                }
            }
            sum += n;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    static boolean card(String text) {
        String d = digits(text);
        return d.length() >= 13 && d.length() <= 19 && luhn(d);
    }

    /** ISO 13616 mod 97 = 1. */
    static boolean iban(String text) {
        String s = text.replaceAll("\\s", "").toUpperCase(java.util.Locale.ROOT);
        if (s.length() < 15 || s.length() > 34) {
            return false;
        }
        String rearranged = s.substring(4) + s.substring(0, 4);
        StringBuilder numeric = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            numeric.append(Character.isLetter(c) ? String.valueOf(c - 'A' + 10) : String.valueOf(c));
        }
        return new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    /** US SSN: no 000, 666 or 9xx area, no 00 group, no 0000 serial. */
    static boolean ssn(String text) {
        String d = digits(text);
        int area = Integer.parseInt(d.substring(0, 3));
        return area != 0 && area != 666 && area < 900 && !d.substring(3, 5).equals("00")
                && !d.substring(5).equals("0000");
    }

    static boolean ipv4(String text) {
        for (String part : text.split("\\.")) {
            if (part.length() > 1 && part.startsWith("0") || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    /** Spanish DNI: the letter is the number mod 23 in a fixed table. */
    static boolean dni(String text) {
        String t = text.toUpperCase(java.util.Locale.ROOT);
        int n = Integer.parseInt(t.substring(0, 8));
        return "TRWAGMYFPDXBNJZSQVHLCKE".charAt(n % 23) == t.charAt(8);
    }

    /** Chinese resident id: ISO 7064 mod 11-2 check character. */
    static boolean chineseId(String text) {
        String t = text.toUpperCase(java.util.Locale.ROOT);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (t.charAt(i) - '0') * weights[i];
        }
        return "10X98765432".charAt(sum % 11) == t.charAt(17);
    }

    /** UK NHS number: mod 11 over the first nine digits. */
    static boolean nhs(String text) {
        String d = digits(text);
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (d.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        check = check == 11 ? 0 : check;
        return check != 10 && check == d.charAt(9) - '0';
    }

    /** Australian tax file number: weighted sum divisible by 11. */
    static boolean tfn(String text) {
        String d = digits(text);
        int[] weights = {1, 4, 3, 7, 5, 8, 6, 9, 10};
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (d.charAt(i) - '0') * weights[i];
        }
        return sum % 11 == 0;
    }
}
