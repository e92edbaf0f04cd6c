package io.astrocyte.policy.barrier;

import io.astrocyte.ConfigException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The built-in PII patterns of SPEC §3.2: the global set, applied always, and the country packs named
 * in {@code barriers.pii.countries} (national identifiers and phone numbers; {@code GB} is accepted for
 * {@code UK}). Number-shaped identifiers carry their checksum where one exists, so that order numbers and
 * the like are not redacted.
 */
public final class PiiCatalog {

    private static final String B = "(?<![\\w@.])";   // not inside a longer token
    private static final String E = "(?![\\w@])";

    private static final List<PiiPattern> GLOBAL = List.of(
            PiiPattern.of("email", "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}"),
            new PiiPattern("credit_card", Pattern.compile(B + "\\d(?:[ -]?\\d){12,18}" + E), 0, Checksums::card,
                    "[CC_REDACTED]"),
            PiiPattern.of("iban", B + "[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?" + E, Checksums::iban),
            PiiPattern.of("ssn", B + "\\d{3}-\\d{2}-\\d{4}" + E, Checksums::ssn),
            new PiiPattern("ip_address", Pattern.compile(B + "(?:\\d{1,3}\\.){3}\\d{1,3}" + E), 0, Checksums::ipv4,
                    "[IP_REDACTED]"),
            new PiiPattern("ip_address", Pattern.compile(B + "(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}" + E), 0, null,
                    "[IP_REDACTED]"),
            new PiiPattern("date_of_birth", Pattern.compile("(?i)\\b(?:born(?: on)?|d\\.?o\\.?b\\.?|date of birth|birthday)"
                    + "[:\\s]+(?:is\\s+|was\\s+)?((?:\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4})|(?:\\d{4}-\\d{2}-\\d{2})"
                    + "|(?:\\d{1,2}(?:st|nd|rd|th)?\\s+[A-Za-z]{3,9},?\\s+\\d{4})|(?:[A-Za-z]{3,9}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}))"),
                    1, null, "[DOB_REDACTED]"),
            PiiPattern.of("phone", B + "(?:\\+\\d{1,3}[ .-]?)?\\(?\\d{3}\\)?[ .-]\\d{3}[ .-]\\d{4}" + E),
            PiiPattern.of("phone", B + "\\+\\d{1,3}(?:[ .-]?\\d{1,4}){2,5}" + E));

    private static final Map<String, List<PiiPattern>> COUNTRIES = Map.ofEntries(
            Map.entry("SG", List.of(
                    PiiPattern.of("sg_nric", B + "[STFGM]\\d{7}[A-Z]" + E),
                    PiiPattern.of("phone", B + "(?:\\+65[ -]?)?[689]\\d{3}[ -]?\\d{4}" + E))),
            Map.entry("IN", List.of(
                    PiiPattern.of("in_aadhaar", B + "[2-9]\\d{3}[ -]?\\d{4}[ -]?\\d{4}" + E),
                    PiiPattern.of("in_pan", B + "[A-Z]{5}\\d{4}[A-Z]" + E),
                    PiiPattern.of("phone", B + "(?:\\+91[ -]?)?[6-9]\\d{4}[ -]?\\d{5}" + E))),
            Map.entry("US", List.of(
                    PiiPattern.of("us_itin", B + "9\\d{2}-(?:5\\d|6[0-5]|7\\d|8[0-8]|9[0-24-9])-\\d{4}" + E),
                    PiiPattern.of("us_passport", "(?i)\\bpassport(?: number| no\\.?)?[:\\s]+[A-Z0-9]{9}\\b"))),
            Map.entry("UK", List.of(
                    PiiPattern.of("uk_nino", B + "[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D]" + E),
                    PiiPattern.of("uk_nhs", B + "\\d{3}[ -]?\\d{3}[ -]?\\d{4}" + E, Checksums::nhs),
                    PiiPattern.of("phone", B + "(?:\\+44 ?7\\d{3}|07\\d{3}) ?\\d{3} ?\\d{3}" + E))),
            Map.entry("DE", List.of(
                    PiiPattern.of("de_tax_id", "(?i)(?:steuer-?id|steueridentifikationsnummer|tax id)[:\\s]+\\d{2} ?\\d{3} ?\\d{3} ?\\d{3}"),
                    PiiPattern.of("de_id_card", "(?i)(?:personalausweis(?:nummer)?|ausweisnummer)[:\\s]+[CFGHJKLMNPRTVWXYZ0-9]{9}"),
                    PiiPattern.of("phone", B + "(?:\\+49 ?|0)1[5-7]\\d[ -]?\\d{7,8}" + E))),
            Map.entry("FR", List.of(
                    PiiPattern.of("fr_nir", B + "[12] ?\\d{2} ?(?:0[1-9]|1[0-2]) ?(?:\\d{2}|2[AB]) ?\\d{3} ?\\d{3} ?\\d{2}" + E),
                    PiiPattern.of("phone", B + "(?:\\+33 ?|0)[1-9](?:[ .]?\\d{2}){4}" + E))),
            Map.entry("IT", List.of(
                    PiiPattern.of("it_fiscal_code", B + "[A-Z]{6}\\d{2}[A-EHLMPR-T]\\d{2}[A-Z]\\d{3}[A-Z]" + E),
                    PiiPattern.of("phone", B + "(?:\\+39 ?)?3\\d{2} ?\\d{6,7}" + E))),
            Map.entry("ES", List.of(
                    PiiPattern.of("es_dni", B + "\\d{8}[A-HJ-NP-TV-Z]" + E, Checksums::dni),
                    PiiPattern.of("es_nie", B + "[XYZ]\\d{7}[A-Z]" + E),
                    PiiPattern.of("phone", B + "(?:\\+34 ?)?[67]\\d{2} ?\\d{3} ?\\d{3}" + E))),
            Map.entry("AU", List.of(
                    PiiPattern.of("au_tfn", B + "\\d{3} ?\\d{3} ?\\d{3}" + E, Checksums::tfn),
                    PiiPattern.of("au_medicare", B + "[2-6]\\d{3} ?\\d{5} ?\\d" + E),
                    PiiPattern.of("phone", B + "(?:\\+61 ?4|04)\\d{2} ?\\d{3} ?\\d{3}" + E))),
            Map.entry("CA", List.of(
                    PiiPattern.of("ca_sin", B + "\\d{3}[ -]?\\d{3}[ -]?\\d{3}" + E, Checksums::luhn))),
            Map.entry("JP", List.of(
                    PiiPattern.of("jp_my_number", "(?i)(?:my ?number|マイナンバー|個人番号)[:：\\s]*\\d{4} ?\\d{4} ?\\d{4}"),
                    PiiPattern.of("phone", B + "(?:\\+81[ -]?|0)[789]0[ -]?\\d{4}[ -]?\\d{4}" + E))),
            Map.entry("CN", List.of(
                    PiiPattern.of("cn_resident_id", B + "\\d{17}[\\dXx]" + E, Checksums::chineseId),
                    PiiPattern.of("phone", B + "(?:\\+86[ -]?)?1[3-9]\\d{9}" + E))));

    private PiiCatalog() {
    }

    /** Every type name the built-in patterns report, global and per country. */
    public static java.util.Set<String> types() {
        java.util.Set<String> out = new java.util.TreeSet<>();
        GLOBAL.forEach(p -> out.add(p.type()));
        COUNTRIES.values().forEach(pack -> pack.forEach(p -> out.add(p.type())));
        return out;
    }

    /** The patterns that apply everywhere. */
    public static List<PiiPattern> global() {
        return GLOBAL;
    }

    /** A country pack; {@code GB} is {@code UK}. Unknown codes are a config error naming the supported ones. */
    public static List<PiiPattern> country(String code) {
        String c = code.strip().toUpperCase(Locale.ROOT);
        List<PiiPattern> pack = COUNTRIES.get(c.equals("GB") ? "UK" : c);
        if (pack == null) {
            throw new ConfigException("barriers.pii.countries: unknown country '" + code + "' (supported: "
                    + String.join(", ", COUNTRIES.keySet().stream().sorted().toList()) + ", GB)");
        }
        return pack;
    }
}
