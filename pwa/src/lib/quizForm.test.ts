import { describe, expect, it } from 'vitest';
import {
  addChoice,
  CHOICES_MAX,
  emptyQuestion,
  emptyQuizForm,
  fromQuizSource,
  markRight,
  questionProblem,
  removeChoice,
  setMultiple,
  toQuizInput,
} from './quizForm';

const source = {
  id: '3',
  title: 'Quiz accueil',
  passMarkPercent: 100,
  maxAttempts: 2,
  shuffle: false,
  attemptCount: 1,
  locked: true,
  questions: [
    {
      id: '10',
      text: 'Dans quel délai saluer ?',
      multiple: false,
      explanation: 'Vite.',
      choices: [
        { id: '100', text: '5 minutes', correct: false },
        { id: '101', text: '30 secondes', correct: true },
      ],
    },
  ],
};

describe('the quiz form', () => {
  it('sends back the ids it read, so an attempted quiz keeps its questions', () => {
    const input = toQuizInput(fromQuizSource(source));
    expect(input).toEqual({
      title: 'Quiz accueil',
      passMarkPercent: 100,
      maxAttempts: 2,
      shuffle: false,
      questions: [
        {
          id: '10',
          text: 'Dans quel délai saluer ?',
          multiple: false,
          explanation: 'Vite.',
          choices: [
            { id: '100', text: '5 minutes', correct: false },
            { id: '101', text: '30 secondes', correct: true },
          ],
        },
      ],
    });
  });

  it('starts with one question whose first choice is right, and unlimited attempts read as null', () => {
    const values = emptyQuizForm('Quiz : Accueil');
    expect(values.questions[0]?.choices.map((c) => c.correct)).toEqual([true, false]);
    expect(toQuizInput({ ...values, maxAttempts: '' }).maxAttempts).toBeNull();
  });

  it('keeps one right choice for a single-choice question, several for a multiple one', () => {
    const question = emptyQuestion();
    const [a, b] = question.choices;
    expect(markRight(question, b!.key).choices.map((c) => c.correct)).toEqual([false, true]);
    const multiple = setMultiple(question, true);
    expect(markRight(multiple, b!.key).choices.map((c) => c.correct)).toEqual([true, true]);
    const back = setMultiple(markRight(multiple, b!.key), false);
    expect(back.choices.map((c) => c.correct)).toEqual([true, false]);
    expect(a!.correct).toBe(true);
  });

  it('adds up to eight choices and never fewer than two, keeping a right one', () => {
    let question = emptyQuestion();
    for (let i = 0; i < 10; i += 1) question = addChoice(question);
    expect(question.choices).toHaveLength(CHOICES_MAX);
    const right = question.choices[0]!.key;
    const removed = removeChoice(question, right);
    expect(removed.choices[0]?.correct).toBe(true);
    const two = emptyQuestion();
    expect(removeChoice(two, two.choices[0]!.key)).toBe(two);
  });

  it('names what is wrong with a question', () => {
    const question = { ...emptyQuestion(), text: 'Q' };
    expect(questionProblem({ ...question, text: ' ' })).toBe('text');
    expect(questionProblem(question)).toBe('choices');
    const filled = { ...question, choices: question.choices.map((c) => ({ ...c, text: 'A', correct: false })) };
    expect(questionProblem(filled)).toBe('right');
    expect(questionProblem(markRight(filled, filled.choices[1]!.key))).toBeNull();
  });
});
