package io.astrocyte.routing;

import io.astrocyte.MipRoutingException;
import io.astrocyte.api.BankIds;
import io.astrocyte.identity.BankResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Placeholders in bank ids and tags (SPEC §6.2): {@code {metadata.k}}, {@code {signals.k}}, {@code {content_type}},
 * {@code {source}}, {@code {principal.id|upn|app_id|type|oid_or_app_id}}.
 *
 * <p>In a bank id each value is encoded as in every derived bank id ({@link BankResolver#encode}), so a value can
 * never forge another bank: {@code user-{metadata.uid}} with {@code uid "a b"} is {@code user-a:20b}. With two or
 * more placeholders, values keep only letters and digits plain (everything else is escaped) and the literal text
 * between placeholders must hold one of {@code . _ @ -}, so the id still splits back into its values one way only.
 * A placeholder without a value fails the routing ({@link MipRoutingException} naming it): a bank id never
 * contains braces. In a tag, a placeholder without a value drops that tag.
 */
final class Templates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_][a-z0-9_.]*)}");

    private Templates() {
    }

    /** The placeholders of a template, in order. */
    static List<String> placeholders(String template) {
        List<String> out = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** A problem with a bank template as written, or {@code null}; checked at load. */
    static String checkBankTemplate(String template) {
        List<String> names = placeholders(template);
        for (String n : names) {
            if (!isField(n)) {
                return "unknown placeholder {" + n + "}";
            }
        }
        String literal = PLACEHOLDER.matcher(template).replaceAll("");
        if (literal.indexOf('{') >= 0 || literal.indexOf('}') >= 0) {
            return "unbalanced braces";
        }
        if (names.size() > 1) {
            String[] between = PLACEHOLDER.split(template, -1);
            for (int i = 1; i < between.length - 1; i++) {
                if (between[i].chars().noneMatch(c -> c == '.' || c == '_' || c == '@' || c == '-')) {
                    return "placeholders must be separated by text holding one of . _ @ - (between {" + names.get(i - 1)
                            + "} and {" + names.get(i) + "})";
                }
            }
        }
        return null;
    }

    private static boolean isField(String name) {
        return Fields.isKnown(name) && !name.equals("tags") && !name.equals("content");
    }

    /** The bank id for this input; throws {@link MipRoutingException} naming the rule and a missing value. */
    static String bank(String template, MipInput input, String rule) {
        List<String> names = placeholders(template);
        boolean strict = names.size() > 1;
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = Fields.text(Fields.value(m.group(1), input));
            if (value == null || value.isEmpty()) {
                throw new MipRoutingException("MIP rule '" + rule + "': bank template '" + template + "' needs {"
                        + m.group(1) + "}, which this content does not have");
            }
            String encoded = strict ? strictEncode(value) : BankResolver.encode(value);
            m.appendReplacement(out, Matcher.quoteReplacement(encoded));
        }
        m.appendTail(out);
        String bank = out.toString();
        if (!BankIds.isValid(bank)) {
            throw new MipRoutingException("MIP rule '" + rule + "': bank template '" + template + "' gives '" + bank
                    + "', which is not a valid bank id");
        }
        return bank;
    }

    /** Tags for this input; a tag whose placeholder has no value is left out. */
    static List<String> tags(List<String> templates, MipInput input) {
        List<String> out = new ArrayList<>();
        for (String t : templates) {
            Matcher m = PLACEHOLDER.matcher(t);
            StringBuilder tag = new StringBuilder();
            boolean complete = true;
            while (m.find()) {
                String value = Fields.text(Fields.value(m.group(1), input));
                if (value == null || value.isEmpty()) {
                    complete = false;
                    break;
                }
                m.appendReplacement(tag, Matcher.quoteReplacement(value));
            }
            if (complete) {
                m.appendTail(tag);
                out.add(tag.toString());
            }
        }
        return out;
    }

    /** Whether a bank id (or template) could produce {@code bankId}. */
    static boolean bankMatches(String template, String bankId) {
        if (template == null) {
            return false;
        }
        if (template.indexOf('{') < 0) {
            return template.equals(bankId);
        }
        StringBuilder regex = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(template);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start()))).append(".+");
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        return bankId.matches(regex.toString());
    }

    /** Letters and digits stay; every other character becomes {@code :hh} per UTF-8 byte. */
    private static String strictEncode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                out.append(c);
            } else {
                out.append(':').append(String.format("%02x", b & 0xFF));
            }
        }
        return out.toString();
    }
}
