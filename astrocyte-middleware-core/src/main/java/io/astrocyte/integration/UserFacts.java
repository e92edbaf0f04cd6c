package io.astrocyte.integration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What auto-retain in {@code user_facts} mode keeps of a user's message: the sentences in which users say
 * something about themselves ("I'm allergic to peanuts", "my daughter is called Lily", "remember that I
 * fly economy"), without the questions, requests and small talk around them. Rules, not a model, so it
 * runs offline, costs microseconds and gives the same answer in every framework adapter.
 *
 * <p>A sentence is kept when, once leading fillers ("ok so", "by the way") and memory cues ("please
 * remember that", "could you note that …?") are set aside, it starts with the user speaking of themselves
 * ({@code I}, {@code my}, {@code we}, {@code our}, "call me") and is not a question, a want of the moment
 * ("I need help with…", "I'd like…", "I was wondering…") or a short reaction ("I see", "I'm fine").
 * Measured on a labelled set of realistic messages in the tests; what it misses are facts stated without
 * a first-person word ("Vegetarian, by the way").
 */
public final class UserFacts {

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\n+");
    private static final Pattern FILLER = Pattern.compile("^(?:ok(?:ay)?|so|oh|well|also|and|but|actually|anyway|"
            + "hi|hey|hello|thanks|thank you|by the way|btw|fyi|just so you know|for the record|"
            + "for your information|heads up|sorry)\\b[\\s,!:;.-]*");
    private static final Pattern CUE = Pattern.compile("^(?:please\\s+)?(?:remember|note|keep in mind|bear in mind|"
            + "don'?t forget|do not forget|make a note|save|memori[sz]e)(?:\\s+that)?\\b[\\s,:]*");
    private static final Pattern CUE_QUESTION = Pattern.compile("^(?:can|could|would|will)\\s+you\\s+(?:please\\s+)?"
            + "(?:remember|note|keep in mind|make a note|save|memori[sz]e)(?:\\s+that)?\\b[\\s,:]*");
    private static final Pattern QUESTION_START = Pattern.compile("^(?:what|what's|whats|where|when|who|whom|whose|"
            + "why|how|which|can|could|would|will|should|shall|may|might|do|does|did|is|are|am|was|were|have|has|"
            + "any idea|is there|are there)\\b");
    private static final Pattern FIRST_PERSON = Pattern.compile("^(?:i|i'm|im|i've|ive|i'd|i'll|my|mine|we|we're|"
            + "we've|we'd|our|ours|call me)\\b");
    private static final Pattern WANT_OF_THE_MOMENT = Pattern.compile("^(?:i|we)\\s+(?:really\\s+|just\\s+)?(?:need|"
            + "want|wanna|would like|would love|'d like|'d love|am looking for|'m looking for|was wondering|"
            + "wonder|have a question|'m trying to|am trying to|can't figure|cannot figure)\\b"
            + "|^i'd (?:like|love)\\b|^(?:i'm|im|i am) (?:looking for|trying to)\\b");
    private static final Pattern REACTION = Pattern.compile("^(?:i|i'm|im|i am)\\s+(?:so\\s+|very\\s+|really\\s+|"
            + "just\\s+|not\\s+|still\\s+)?(?:see|agree|think so|guess|know|don't know|dont know|mean|understand|"
            + "appreciate it|fine|good|ok|okay|great|back|here|hungry|bored|tired|sleepy|busy|sorry|ready|done|"
            + "confused|lost|sure|not sure|kidding|joking)\\b"
            + "|^my (?:mistake|bad|pleasure|apologies)\\b|^me (?:too|neither)\\b");

    private UserFacts() {
    }

    /**
     * The sentences of {@code message} that state something about the user, joined with a space, or empty
     * when there are none (a question, a request, small talk).
     */
    public static Optional<String> extract(String message) {
        if (message == null || message.isBlank()) {
            return Optional.empty();
        }
        List<String> kept = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(message.strip())) {
            if (isAboutTheUser(sentence)) {
                kept.add(sentence.strip());
            }
        }
        return kept.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", kept));
    }

    /** Whether one sentence is the user stating something about themselves. */
    public static boolean isAboutTheUser(String sentence) {
        String s = sentence.strip().toLowerCase(Locale.ROOT).replace('’', '\'');
        boolean question = s.endsWith("?");
        String cueAsked = CUE_QUESTION.matcher(s).replaceFirst("");
        if (!cueAsked.equals(s)) {
            s = cueAsked;
            question = false; // "could you remember that I …?" asks to keep a statement
        }
        for (String before = null; !s.equals(before); ) {
            before = s;
            s = CUE.matcher(FILLER.matcher(s).replaceFirst("")).replaceFirst("");
        }
        if (question || s.isEmpty() || QUESTION_START.matcher(s).find() || !FIRST_PERSON.matcher(s).find()) {
            return false;
        }
        if (WANT_OF_THE_MOMENT.matcher(s).find()) {
            return false;
        }
        return !(REACTION.matcher(s).find() && words(s) <= 4);
    }

    private static int words(String s) {
        return s.replaceAll("[^\\p{L}\\p{N}' ]", " ").trim().split("\\s+").length;
    }
}
