package servicerunner.task.ai;

import java.util.List;
import java.util.Map;

/**
 * What tells the two AI types apart in the shared run: the words of their verdicts, the summary field names the
 * app's renderer reads (UI contract, section 6), the preview flag and the instructions to the model.
 *
 * @param noun what is reviewed, plural ("startup items")
 * @param verb what apply does to one ("disable"); {@code past} is its past tense as a verdict starts ("Disabled")
 * @param noneFound the verdict when nothing was enumerated
 * @param counted the stem of human_readable.{counted}_disabled, _skipped and _kept_enabled
 * @param countFields the human_readable fields holding how many were enumerated
 * @param listFields the results fields listing everything enumerated
 * @param estimateField the human_readable field showing the answer's analysis_summary.{estimateKey}
 * @param nameField the answer field naming an entry, kept when the model quotes an id that was never enumerated
 * @param previewParam the parameter that forces a preview even with apply_changes
 * @param notInspected what results.not_inspected lists (sources seen but not read); null when the type has none
 * @param answerFields the answer fields a recommendation copies, in order, each with its default
 * @param systemPrompt the instructions, including the JSON shape the answer must have
 */
record AiShape(String noun, String verb, String past, String noneFound, String counted, List<String> countFields,
    List<String> listFields, String estimateField, String estimateKey, String nameField, String previewParam,
    String notInspected, Map<String, String> answerFields, String systemPrompt) {
}
