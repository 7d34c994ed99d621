/**
 * The quiz editor as pure logic: questions and choices, which are right
 * (one for a single-choice question), the input sent, and what a quiz that
 * people have taken still lets change (the server decides: texts,
 * explanations, order and shuffle; see server/training/quiz_authoring.py).
 */
import type { QuizSourceFieldsFragment } from '../graphql/authoring.generated';
import type { QuizQuestionInput } from '../graphql/types.generated';

export interface ChoiceDraft {
  key: string;
  id: string | null;
  text: string;
  correct: boolean;
}

export interface QuestionDraft {
  key: string;
  id: string | null;
  text: string;
  multiple: boolean;
  explanation: string;
  choices: ChoiceDraft[];
}

export interface QuizFormValues {
  title: string;
  passMarkPercent: string;
  /** '' for unlimited. */
  maxAttempts: string;
  shuffle: boolean;
  questions: QuestionDraft[];
}

export interface QuizInputValues {
  title: string;
  passMarkPercent: number;
  maxAttempts: number | null;
  shuffle: boolean;
  questions: QuizQuestionInput[];
}

export const CHOICES_MAX = 8;
export const QUESTIONS_MAX = 50;

let nextKey = 0;
function newKey(prefix: string): string {
  nextKey += 1;
  return `${prefix}-${nextKey}`;
}

function emptyChoice(correct = false): ChoiceDraft {
  return { key: newKey('choice'), id: null, text: '', correct };
}

export function emptyQuestion(): QuestionDraft {
  return { key: newKey('question'), id: null, text: '', multiple: false, explanation: '', choices: [emptyChoice(true), emptyChoice()] };
}

export function emptyQuizForm(title: string): QuizFormValues {
  return { title, passMarkPercent: '70', maxAttempts: '3', shuffle: true, questions: [emptyQuestion()] };
}

export function fromQuizSource(source: QuizSourceFieldsFragment): QuizFormValues {
  return {
    title: source.title,
    passMarkPercent: String(source.passMarkPercent),
    maxAttempts: source.maxAttempts === null ? '' : String(source.maxAttempts),
    shuffle: source.shuffle,
    questions: source.questions.map((q) => ({
      key: newKey('question'),
      id: q.id,
      text: q.text,
      multiple: q.multiple,
      explanation: q.explanation,
      choices: q.choices.map((c) => ({ key: newKey('choice'), id: c.id, text: c.text, correct: c.correct })),
    })),
  };
}

export function toQuizInput(values: QuizFormValues): QuizInputValues {
  const pass = Number.parseInt(values.passMarkPercent, 10);
  const attempts = Number.parseInt(values.maxAttempts, 10);
  return {
    title: values.title.trim(),
    passMarkPercent: Number.isFinite(pass) ? pass : -1,
    maxAttempts: values.maxAttempts.trim() === '' ? null : Number.isFinite(attempts) ? attempts : 0,
    shuffle: values.shuffle,
    questions: values.questions.map((q) => ({
      id: q.id,
      text: q.text.trim(),
      multiple: q.multiple,
      explanation: q.explanation.trim(),
      choices: q.choices.map((c) => ({ id: c.id, text: c.text.trim(), correct: c.correct })),
    })),
  };
}

/** A choice marked right: the only one for a single-choice question, toggled for a multiple one. */
export function markRight(question: QuestionDraft, choiceKey: string): QuestionDraft {
  return {
    ...question,
    choices: question.choices.map((c) =>
      question.multiple ? (c.key === choiceKey ? { ...c, correct: !c.correct } : c) : { ...c, correct: c.key === choiceKey },
    ),
  };
}

/** Single or multiple: going back to single keeps the first right choice only. */
export function setMultiple(question: QuestionDraft, multiple: boolean): QuestionDraft {
  if (multiple) return { ...question, multiple };
  const first = question.choices.findIndex((c) => c.correct);
  return { ...question, multiple, choices: question.choices.map((c, i) => ({ ...c, correct: i === Math.max(0, first) })) };
}

export function addChoice(question: QuestionDraft): QuestionDraft {
  return question.choices.length < CHOICES_MAX ? { ...question, choices: [...question.choices, emptyChoice()] } : question;
}

export function removeChoice(question: QuestionDraft, choiceKey: string): QuestionDraft {
  if (question.choices.length <= 2) return question;
  const choices = question.choices.filter((c) => c.key !== choiceKey);
  return choices.some((c) => c.correct) ? { ...question, choices } : { ...question, choices: choices.map((c, i) => ({ ...c, correct: i === 0 })) };
}

/** What is wrong before sending, question by question (the server checks again). */
export type QuestionProblem = 'text' | 'choices' | 'right';

export function questionProblem(question: QuestionDraft): QuestionProblem | null {
  if (!question.text.trim()) return 'text';
  if (question.choices.length < 2 || question.choices.some((c) => !c.text.trim())) return 'choices';
  const right = question.choices.filter((c) => c.correct).length;
  if (right === 0 || (!question.multiple && right !== 1)) return 'right';
  return null;
}
