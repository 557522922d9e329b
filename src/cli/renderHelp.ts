// What `render --help` prints (docs/cli.md, "The render command", says the same at length).
import { formatCount } from '../model/format';
import { MAX_FILE_BYTES } from '../model/limits';
import { DEFAULT_SCALE, MAX_PIXELS, MAX_SCALE, MAX_SIDE } from './renderArgs';
import { formatBytes } from './terminal';

export const RENDER_HELP = `Draws a flow file as an image: its nodes, labels and edges, as the app's canvas shows them.
SVG goes to stdout as text, PNG as bytes (or either to --out).

usage:
  npm run -s render -- FLOW.json [options]
  (or: npx eventflow render …)

options:
  --format svg|png    the image's format (default: from --out's extension, else svg)
  --theme light|dark  colours for a light or a dark document (default light)
  --out FILE          write the image to FILE instead of stdout
  --badges            run the flow as simulate does and draw each node's figures under it
                      (utilization and p99 of handlers, depth of queues, alarm counts)
  --duration S, --seed N, --warmup S, --max-wall S, --max-events N, --max-messages N
                      with --badges: the run's options, as simulate takes them
  --scale N           PNG pixels per SVG pixel (default ${DEFAULT_SCALE}, for sharp text in documents; at most ${MAX_SCALE});
                      at most ${formatCount(MAX_SIDE)} pixels a side and ${formatCount(MAX_PIXELS)} in all
  --font FILE         PNG: also draw with this font file (.ttf, .otf, .ttc); repeatable. Text is
                      drawn with DejaVu Sans where the system has it (Debian: fonts-dejavu-core),
                      else with another installed sans; with no font at all, render refuses
  -h, --help          this text

PNG bytes are never written to a terminal: pass --out or redirect stdout. The flow file must be a
regular file of at most ${formatBytes(MAX_FILE_BYTES)}.

exit codes:
  0  the image is written
  1  the file is not a valid flow, or (with --badges) the flow cannot run
  2  bad usage, a file that cannot be read or written, PNG to a terminal, no font for a PNG's
     text, or an image too large
  4  with --badges, a limit stopped the run: the image shows the figures up to there
  5  internal error: a bug in Eventflow Studio (one line on stderr; please report it with the file)

examples:
  npm run -s render -- examples/mm1.json > mm1.svg
  npm run -s render -- src/io/templates/retry-storm.json --format png --theme dark --badges > storm.png
  npx eventflow render flows/checkout.json --out docs/checkout.png --scale 3

Reference: docs/cli.md, docs/images.md.
`;
