/** The seed notebook's section 2 corpus: five pre-split sentences. */
export const SEED_CORPUS: readonly (readonly string[])[] = [
  ['我', '喜欢', '吃', '苹果'],
  ['我', '喜欢', '吃', '香蕉'],
  ['他', '喜欢', '吃', '西瓜'],
  ['她', '喜欢', '吃', '葡萄'],
  ['我们', '都', '喜欢', '水果'],
];

/** The seed notebook's section 1 target text (18 characters). */
export const SEED_TARGET_TEXT = '人工智能是未来科技发展的核心驱动力。';

/** The notebook's similar-character list; each list contains the correct character. */
export const SIMILAR_CHARS: Readonly<Record<string, readonly string[]>> = {
  人: ['人', '入', '八'],
  工: ['工', '二', '干'],
  智: ['智', '知', '日'],
  能: ['能', '熊', '态'],
  是: ['是', '定', '日'],
  未: ['未', '末', '木'],
  来: ['来', '米', '夹'],
  科: ['科', '料', '和'],
  技: ['技', '枝', '支'],
  发: ['发', '友', '皮'],
  展: ['展', '层', '屋'],
  的: ['的', '得', '地'],
  核: ['核', '该', '孩'],
  心: ['心', '必', '芯'],
  驱: ['驱', '欧', '区'],
  动: ['动', '运', '力'],
  力: ['力', '刀', '九'],
  '。': ['。', '.', '．'],
};
