import { describe, expect, it } from 'vitest';
import { wellFormedProblem } from './wellFormed';

describe('the well-formedness check the image tests rely on', () => {
  it('passes well-formed documents', () => {
    for (const ok of [
      '<svg xmlns="http://www.w3.org/2000/svg"><title>a &amp; b &#x41;</title><g a=\'1\' b="2"/></svg>',
      '<?xml version="1.0"?>\n<a>\n  <!-- note -->\n  <b>שלום 🚀</b>\n</a>\n',
    ])
      expect(wellFormedProblem(ok), ok).toBeNull();
  });

  it('catches each way a document can be broken', () => {
    for (const bad of [
      '<a><b></a></b>',
      '<a>',
      '<a></a><b></b>',
      'text<a></a>',
      '<a>x & y</a>',
      '<a>x < y</a>',
      '<a t="x<y"></a>',
      '<a t="1" t="2"></a>',
      '<a t=1></a>',
      '<a t="1"u="2"></a>',
      '<a>\u0001</a>',
      '<a>\ud800</a>',
      '<a>&nbsp;</a>',
      '<a><![CDATA[x]]></a>',
      '<!DOCTYPE a><a></a>',
      '',
    ])
      expect(wellFormedProblem(bad), JSON.stringify(bad)).not.toBeNull();
  });
});
