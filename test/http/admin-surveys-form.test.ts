import { expect } from 'chai';
import {
  applyEditorAction, blankSurvey, editorErrors, editorFieldLabel, editorFieldName, parseEditorAction, parseSurveyForm, surveyInputFrom, utcFromLocalInput,
} from '../../server/http/forms/survey.js';
import { translatorFor } from '../../server/i18n/index.js';

describe('survey editor form', () => {
  it('maps the domain field paths to the editor field names', () => {
    expect(editorFieldName('questions.0.options.1.title.en')).to.equal('q0_o1_title_en');
    expect(editorFieldName('questions.2.seats')).to.equal('q2_seats');
    expect(editorFieldName('questions.1.options')).to.equal('q1_options');
    expect(editorFieldName('questions.1')).to.equal('q1');
    expect(editorFieldName('title.fr')).to.equal('title_fr');
    expect(editorErrors({ _: 'general', 'questions.0.method': 'm' })).to.deep.equal({ _: 'general', q0_method: 'm' });
  });

  it('names each editor field as a person finds it on the form, in the reader’s language', () => {
    const en = editorFieldLabel(translatorFor('en'));
    expect(en('q1_o3_title_en')).to.equal('Question 2 › Option 4 › Title (English)');
    expect(en('q0_o0_label')).to.equal('Question 1 › Option 1 › Label');
    expect(en('q2_description_es')).to.equal('Question 3 › Description (Spanish)');
    expect(en('q0_options')).to.equal('Question 1 › Options');
    expect(en('q4')).to.equal('Question 5');
    expect(en('closesAt')).to.equal('Closing time (UTC)');
    expect(en('title_fr')).to.equal('Title (French)');
    expect(en('q0_nonsense')).to.equal(null);
    expect(editorFieldLabel(translatorFor('fr'))('q1_o3_title_en')).to.equal('Question 2 › Option 4 › Titre (anglais)');
    expect(editorFieldLabel(translatorFor('es'))('q1_seats')).to.equal('Pregunta 2 › Opciones que se retienen');
  });

  it('reads a datetime-local value as UTC and passes anything else on for the domain to refuse', () => {
    expect(utcFromLocalInput('2026-12-01T17:05')).to.equal('2026-12-01T17:05:00Z');
    expect(utcFromLocalInput('2026-12-01T17:05:30')).to.equal('2026-12-01T17:05:30Z');
    expect(utcFromLocalInput('  ')).to.equal(null);
    expect(utcFromLocalInput('tomorrow')).to.equal('tomorrow');
  });

  it('turns the flat body into the domain input, keeping ids, typed digits as numbers, unchecked boxes false and the default method unset', () => {
    const fields = parseSurveyForm({
      title_en: 'T', title_fr: '', q0_id: '7', q0_title_en: 'Q', q0_seats: '2', q0_method: 'default', q0_allowComment: 'on',
      q0_o1_id: '12', q0_o1_title_en: 'B', q0_o0_title_en: 'A', q0_o0_title_es: 'A (es)',
    });
    const input = surveyInputFrom(fields);
    expect(input.title).to.deep.equal({ en: 'T', fr: null, es: null });
    expect(input.questions[0]).to.include({ id: 7, seats: 2, method: undefined, allowAbstain: false, allowComment: true, allowProposals: false });
    // What is not digits goes on as typed, for the domain to refuse at its field.
    expect(surveyInputFrom(parseSurveyForm({ q0_seats: 'two', quorum: '0x3' })).quorum).to.equal('0x3');
    expect(input.questions[0]!.options.map((o) => [o.id, o.title.en, o.title.es])).to.deep.equal([[undefined, 'A', 'A (es)'], [12, 'B', null]]);
  });

  it('moves, adds and removes rows, and names the element to focus, staying put at either end', () => {
    const fields = blankSurvey();
    fields.questions[0]!.options[0]!.label = 'a';
    fields.questions[0]!.options[1]!.label = 'b';
    expect(applyEditorAction(fields, parseEditorAction('add-option:0'))).to.equal('q0_o2_label');
    fields.questions[0]!.options[2]!.label = 'c';
    expect(applyEditorAction(fields, parseEditorAction('option-up:0:2'))).to.equal('q0_o1-up');
    expect(applyEditorAction(fields, parseEditorAction('option-up:0:1'))).to.equal('q0_o0-down');
    expect(fields.questions[0]!.options.map((o) => o.label)).to.deep.equal(['c', 'a', 'b']);
    expect(applyEditorAction(fields, parseEditorAction('option-up:0:0'))).to.equal('');
    expect(applyEditorAction(fields, parseEditorAction('remove-option:0:1'))).to.equal('q0-add-option');
    expect(fields.questions[0]!.options.map((o) => o.label)).to.deep.equal(['c', 'b']);
    expect(applyEditorAction(fields, parseEditorAction('add-question'))).to.equal('q1_title_en');
    expect(fields.questions).to.have.length(2);
    expect(parseEditorAction('drop-table')).to.deep.equal({ kind: 'save', question: 0, option: 0 });
  });
});
