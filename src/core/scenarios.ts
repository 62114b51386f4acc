import type { ScenarioName } from './params';

/**
 * Built-in tasks where the methods differ. Each has a prompt, the reference answer the target
 * model is trained to give (with the prompt, so it can copy from it), and earlier turns of the
 * session (the suffix method's global cache). Texts are short and written for specplay.
 */
export interface Scenario {
  name: Exclude<ScenarioName, 'none'>;
  prompt: string;
  reference: string;
  history: string[];
}

const CODE_BEFORE = `def total_price ( items , tax ) :
    subtotal = 0
    for item in items :
        subtotal = subtotal + item . price * item . quantity
    return subtotal * ( 1 + tax )

def cheapest ( items ) :
    best = items [ 0 ]
    for item in items :
        if item . price < best . price :
            best = item
    return best`;

const CODE_AFTER = `def total_price ( items , tax , discount = 0 ) :
    subtotal = 0
    for item in items :
        subtotal = subtotal + item . price * item . quantity
    subtotal = subtotal * ( 1 - discount )
    return subtotal * ( 1 + tax )

def cheapest ( items ) :
    if not items :
        return None
    best = items [ 0 ]
    for item in items :
        if item . price < best . price :
            best = item
    return best`;

const ARTICLE = `the city opened a new library on monday . the building has three floors , a reading garden and a room for children . "we wanted a place where anyone can sit and read for free" , said the mayor at the opening . the library will stay open until nine in the evening on weekdays . more than two thousand people visited on the first day . "the children's room was full all afternoon" , said one of the librarians . the city paid for the building with money saved over five years .`;

const SUMMARY = `summary : the city opened a new library on monday , with three floors , a reading garden and a room for children . the mayor said "we wanted a place where anyone can sit and read for free" . more than two thousand people visited on the first day , and a librarian said "the children's room was full all afternoon" . the library will stay open until nine in the evening on weekdays .`;

const CHAT_EARLIER = [
  `to reset your password , open the settings page , choose account , then choose reset password . we will send a link to your email address . the link works for one hour . if the email does not arrive , check the spam folder and try again .`,
  `to change your email address , open the settings page , choose account , then choose change email . we will send a code to the new address . enter the code on the settings page to finish .`,
];

const CHAT_ANSWER = `to reset your password , open the settings page , choose account , then choose reset password . we will send a link to your email address . the link works for one hour . if the email does not arrive , check the spam folder and try again . if it still does not arrive , write to our support team .`;

const STORY = `once upon a time a small fox lived at the edge of a quiet forest . every morning she walked to the river to watch the light on the water . one day she found a lost boat tied to an old tree , and a note that said : take me to the sea . the fox had never seen the sea , but she untied the rope , climbed in , and let the river carry her away . the trees grew thin , the air smelled of salt , and gulls began to call above her . when the river finally opened into the wide blue sea , the fox laughed , because the world was much larger than her forest .`;

/** The scenarios by name. */
export const SCENARIOS: Readonly<Record<Exclude<ScenarioName, 'none'>, Scenario>> = {
  code: {
    name: 'code',
    prompt: `edit this code : add a discount to total_price and handle an empty list in cheapest .\n\n${CODE_BEFORE}\n\nanswer :`,
    reference: CODE_AFTER,
    history: [],
  },
  summary: { name: 'summary', prompt: `summarise this article with quotes .\n\n${ARTICLE}\n\nanswer :`, reference: SUMMARY, history: [] },
  chat: { name: 'chat', prompt: 'how do i reset my password ?', reference: CHAT_ANSWER, history: CHAT_EARLIER },
  story: { name: 'story', prompt: 'tell me a short story about a fox .', reference: STORY, history: [] },
};
