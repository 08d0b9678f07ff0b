/**
 * English text the reflection compressor (core/compress.ts) learns from before it codes a student's
 * answer, so that even a short answer is coded with English statistics. It is ordinary analytical
 * prose of the kind a student writes about a speech; it is never shown.
 *
 * Frozen: the compressed reflections in every saved state depend on this exact text. Changing one
 * character needs a new codec format version (core/codec.ts `FORMAT`).
 */
export const PRIMER = `I think the speaker uses this part of the talk to make the audience feel that they have no choice. The words are chosen to stir feelings rather than to give reasons, and the same ideas come back again and again. For example, when he says that the people must become heroes, he does not explain why, he only repeats it. This is repetition, and it works because what we hear often starts to seem true.

In my view the most important technique here is loaded language. Words like "heroic", "great", "glorious" and "revolutionary" carry strong feelings, and the enemy is described with words such as "imperialists", "aggressive" and "cunning". The text does not give any evidence for these claims. It asks the officials to trust the leader and the Party, so it is also an appeal to authority, and the talk of national pride is flag-waving.

The appeal to fear is there as well: the country is said to be under threat from the United States and its allies, which makes loyalty and sacrifice seem necessary. There is a false dilemma too, since the only options offered are to struggle like heroes or to betray the revolution. What is left out matters as much as what is said. The talk never mentions the cost of the war, the people who suffered, or any other point of view, and that is card stacking.

When I compare this speech with other sources, I notice that it was given to senior officials of the Central Committee of the Workers' Party of Korea in 1988, so its purpose was to mobilise the people who would pass the message on. The slogan at the end, "Let us all live and struggle like heroes!", sums up the whole talk in a short phrase that is easy to remember and to repeat. I would say that the language is not meant to inform but to persuade, and that a careful reader should ask who benefits, what evidence is given, and which facts are missing. These questions help me to read propaganda critically, in Korea or anywhere else.
`;
