// Templates: the variable names are read from the literal, carried by the builder's type until
// .vars() fills them, and send() names each missing one with its fix.
import { expectTypeOf } from 'expect-type';
import {
  type BuilderState,
  type ChatBuilder,
  chat,
  fanOut,
  imagePart,
  type inferPresetVars,
  type inferTemplateVars,
  type PresetDocument,
  type Template,
  template,
  textPart,
} from '../../src/index.js';

// Names: letters, digits and `_` between `{{` and `}}`, read as the runtime reads them.
expectTypeOf<inferTemplateVars<'You help {{customer}} with {{product}}.'>>().toEqualTypeOf<
  'customer' | 'product'
>();
expectTypeOf<
  inferTemplateVars<'{{ spaced }} {{{braced}}} {{a b}} {{x {{inner}} {{}} {{n_2}}} {{same}}{{same}}'>
>().toEqualTypeOf<'braced' | 'inner' | 'n_2' | 'same'>();
expectTypeOf<inferTemplateVars<'no slots here'>>().toEqualTypeOf<never>();
// Text that is not a literal: the names are known at runtime only.
expectTypeOf<inferTemplateVars<string>>().toEqualTypeOf<string>();
expectTypeOf(template('Hi {{name}}')).toEqualTypeOf<Template<'name'>>();
// A long template stays within the compiler's depth (the collection is tail-recursive).
expectTypeOf(
  template(
    '{{v01}}{{v02}}{{v03}}{{v04}}{{v05}}{{v06}}{{v07}}{{v08}}{{v09}}{{v10}}{{v11}}{{v12}}{{v13}}{{v14}}{{v15}}{{v16}}{{v17}}{{v18}}{{v19}}{{v20}}{{v21}}{{v22}}{{v23}}{{v24}}{{v25}}{{v26}}{{v27}}{{v28}}{{v29}}{{v30}}{{v31}}{{v32}}{{v33}}{{v34}}{{v35}}{{v36}}{{v37}}{{v38}}{{v39}}{{v40}}{{v41}}{{v42}}{{v43}}{{v44}}{{v45}}{{v46}}{{v47}}{{v48}}{{v49}}{{v50}}{{v51}}{{v52}}{{v53}}{{v54}}{{v55}}{{v56}}{{v57}}{{v58}}{{v59}}{{v60}}',
  ).variables,
)
  .items.extract<'v60'>()
  .toEqualTypeOf<'v60'>();

// Accepted wherever message text is; the builder's type carries the unfilled names.
const support = chat()
  .model('gpt-4o')
  .system(template('You help {{customer}} with {{product}}.'))
  .developer([textPart('Be brief.'), textPart(template('Sign as {{agent}}.'))])
  .user([textPart(template('Look at {{file}}')), imagePart('https://example.com/a.png')])
  .assistant(template('Hello {{customer}}!'));
expectTypeOf<(typeof support)['toPreset']>().returns.toEqualTypeOf<
  PresetDocument<'customer' | 'product' | 'agent' | 'file'>
>();

// A preset is not a request: send() and run() name each missing variable and the fix.
// @ts-expect-error send() needs a value for {{customer}}: call .vars({ customer })
support.send();
// @ts-expect-error run() is refused the same way
support.run();
expectTypeOf(support.send).toEqualTypeOf<
  import('../../src/index.js').ChatwrightTypeError<
    | 'send() needs a value for {{customer}}: call .vars({ customer })'
    | 'send() needs a value for {{product}}: call .vars({ product })'
    | 'send() needs a value for {{agent}}: call .vars({ agent })'
    | 'send() needs a value for {{file}}: call .vars({ file })'
  >
>();

// vars() fills some or all, in as many calls as you like; numbers are allowed.
const partly = support.vars({ customer: 'Acme', product: 'billing' });
// @ts-expect-error send() needs a value for {{agent}} and {{file}}
partly.send();
const ready = partly.vars({ agent: 'Sam', file: 42 });
expectTypeOf(ready.send).toBeFunction();
expectTypeOf(ready.toPreset()).toEqualTypeOf<PresetDocument<never>>();

// A name that no template leaves unfilled is refused: a typo, a filled one, or no template at all.
// @ts-expect-error vars() got {{custmer}}, which no template of this builder leaves unfilled
support.vars({ custmer: 'Acme' });
// @ts-expect-error {{customer}} is already filled
partly.vars({ customer: 'Other' });
// @ts-expect-error a builder without templates has no variables
chat().model('gpt-4o').user('Hi').vars({ name: 'x' });
// @ts-expect-error values are strings or numbers
support.vars({ customer: true });

// Plain strings are never templates: no variables, sendable as written.
const plain = chat().model('gpt-4o').user('{{x}}');
expectTypeOf(plain.send).toBeFunction();
// Nor is a template() of text without slots.
expectTypeOf(chat().model('gpt-4o').user(template('Hi')).send).toBeFunction();

// use() merges the variables of templated presets; one name in two templates is one variable.
const greeting = <S extends BuilderState>(builder: ChatBuilder<S>) =>
  builder.system(template('Greet {{customer}}.'));
const merged = chat().model('gpt-4o').use(greeting).user(template('{{customer}} asks about {{topic}}'));
expectTypeOf(merged.toPreset().variables).items.toEqualTypeOf<'customer' | 'topic'>();
expectTypeOf(merged.vars({ customer: 'Acme', topic: 'refunds' }).send).toBeFunction();

// when(): the branch's names are "maybe unfilled", so they must be filled, and may be.
const maybe = chat()
  .model('gpt-4o')
  .user('Hi')
  .when(Math.random() > 0.5, (b) => b.system(template('VIP: {{tier}}')));
// @ts-expect-error send() needs a value for {{tier}}
maybe.send();
expectTypeOf(maybe.vars({ tier: 'gold' }).send).toBeFunction();

// A preset document keeps its variable names through fromPreset(); parsed JSON has runtime names.
const restored = chat.fromPreset(support.toPreset());
// @ts-expect-error send() needs a value for {{customer}}
restored.send();
expectTypeOf(restored.vars({ customer: 'a', product: 'b', agent: 'c', file: 'd' }).send).toBeFunction();
expectTypeOf<inferPresetVars<unknown>>().toEqualTypeOf<string>();
expectTypeOf<inferPresetVars<string>>().toEqualTypeOf<string>();
expectTypeOf<inferPresetVars<any>>().toEqualTypeOf<string>();
const loaded = chat.fromPreset(JSON.parse('{}') as unknown);
expectTypeOf(loaded.vars({ anything: 'x' }).send).toBeFunction();
expectTypeOf(chat.fromPreset(ready.toPreset()).send).toBeFunction();

// fanOut() takes only builders that can be sent.
// @ts-expect-error a preset with unfilled variables has no callable send()
fanOut([support]);
fanOut([ready]);
