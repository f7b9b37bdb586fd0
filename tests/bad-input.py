#!/usr/bin/python3
# bad-input.py: runs every entry point that takes a file over a matrix of hostile inputs.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Each input is built in a temporary folder and given to `fanzha-cli extract`,
# `extract --count`, `articles`, `index`, `series --indicator cases_solved`,
# `export -o -` (a summary on standard output) and, when a display is there, to
# `fanzha --screenshot OUT.png FILE`. A run passes
# when it neither crashes nor hangs, exits with the documented status (0: the text
# loaded, however odd; 1: rejected, with exactly one "fanzha-cli: FILE: why"
# line on stderr) and the "why" is the documented message for that input.
# The expectations are the `expect` column of inputs() below, documented in the README
# ("What is tested").
#
# The row read as user `nobody` runs a copy of fanzha-cli and of its data in the
# temporary folder, not the build's: a clone may sit where nobody cannot enter
# (a home folder of mode 700), and the row is about the file, not the clone.
#
# Environment: FANZHA_CLI (required), FANZHA_APP and DISPLAY (for the app
# column), FZ_DATA_DIR, FZ_BAD_INPUT_ONLY (comma-separated input names, to run a
# few), FZ_BAD_INPUT_KEEP=1 (keep the temporary folder). Arguments: --no-app (the
# commands only), --app-only (the app only). Exit status 1 on any failure.

import os
import random
import re
import resource
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time

TIMEOUT = 60
CLI_AS_LIMIT = 2 << 30
APP_AS_LIMIT = 4 << 30
MIB = 1024 * 1024

# Documented messages (src/core/fz-document.c, src/core/fz-charset.c, fz-document-pdf.c,
# fz-document-html.c).
MESSAGES = {
    'empty': r'the file is empty',
    'no-text': r'the file holds no text',
    'nul': r'holds NUL (bytes|characters)',
    'binary': r'is a binary file \(image, archive or document\), not text',
    'encoding': r'its bytes are not UTF-8, UTF-16, GB18030 or Big5 text',
    'utf16-mark': r'starts with a UTF-16 mark but is not valid UTF-16',
    'too-large': r'larger than the limit of 64 MiB',
    'folder': r'is a folder, not a file',
    'special': r'is a special file \(pipe, device or socket\), not a text file',
    'missing': r'the file does not exist \(moved or deleted\?\)',
    'denied': r'cannot be (opened|read): Permission denied',
    'loop': r'cannot be read: Too many levels of symbolic links',
    'name-too-long': r'cannot be read: File name too long',
    'pdf-locked': r'the PDF is locked with a password',
    'pdf-damaged': r'the PDF is damaged or cut short and cannot be read',
    'pdf-no-text': r'the PDF has no text layer, only images \(a scanned page\?\)',
    'pdf-pages': r'the PDF has \d+ pages, more than the limit of 2000',
    'html-no-text': r'the web page holds no article text \(only scripts, styles or navigation\)',
}

# Failures of the app (src/widgets) known and not yet fixed; FZ_BAD_INPUT_STRICT=1 counts
# them. An entry that starts passing shows as XPASS: take it out.
KNOWN_APP = {
}

CLI_COLUMNS = [
    ('extract', ['extract']),
    ('count', ['extract', '--count']),
    ('articles', ['articles']),
    ('index', ['index']),
    ('series', ['series', '--indicator', 'cases_solved']),
    ('export', ['export', '-o', '-']),
]

# Sentences in the style of the news the app reads, written for this test.
ZH = ('本报讯 今年以来，市公安局持续开展打击治理电信网络诈骗犯罪专项行动，'
      '共破获电信网络诈骗案件672起，抓获犯罪嫌疑人1200名，'
      '止付冻结涉诈资金3.5亿元，同比下降43.26%。\n'
      '全市电信网络诈骗发案数同比下降43.26%，破获案件数同比上升25%。\n')
ZH_BYTES = ZH.encode('utf-8')


class Input:
    def __init__(self, name, what, expect, make, *, as_nobody=False, app=True, note='',
                 figures=False, app_expect=None):
        self.name = name          # row name
        self.what = what          # one-line description
        self.expect = expect      # 'ok' or a key of MESSAGES
        self.make = make          # make(dir) -> path given to the programs
        self.as_nobody = as_nobody
        self.app = app
        self.note = note
        self.figures = figures    # the page must still yield figures (decoded right)
        self.app_expect = app_expect or expect
        self.path = None


def write(path, data):
    with open(path, 'wb') as f:
        f.write(data)
    return path


def simple(filename, data):
    return lambda d: write(os.path.join(d, filename), data)


def rand_bytes(n, seed, no_nul=False):
    rng = random.Random(seed)
    b = bytearray(rng.getrandbits(8) for _ in range(n))
    if no_nul:
        b = bytearray(x if x else 0x80 for x in b)
    return bytes(b)


def make_sparse(d):
    path = os.path.join(d, 'sparse-200mb.txt')
    with open(path, 'wb') as f:
        f.write(ZH_BYTES)
        f.truncate(200 * 1000 * 1000)
    return path


def make_over_limit(d):
    # Real text just over 64 MiB, so no hole can make the size lie.
    path = os.path.join(d, 'text-65mib.txt')
    block = ZH_BYTES * (MIB // len(ZH_BYTES) + 1)
    with open(path, 'wb') as f:
        written = 0
        while written < 65 * MIB:
            f.write(block)
            written += len(block)
    return path


def make_one_line(d):
    line = ZH.strip().encode('utf-8')
    return write(os.path.join(d, 'one-line-1mb.txt'), line * (MIB // len(line) + 1))


def make_million_spaced(d):
    return write(os.path.join(d, 'million-numbers.txt'),
                 ' '.join(str(i) for i in range(1, 1000001)).encode('ascii'))


def make_million_commas(d):
    return write(os.path.join(d, 'million-commas.txt'),
                 ','.join(str(i) for i in range(1, 1000001)).encode('ascii'))


def make_nested(d):
    n = 10000
    text = '（' * n + '一二三四五六七八九十百千万亿' + '）' * n + '\n'
    return write(os.path.join(d, 'nested-brackets.txt'), text.encode('utf-8'))


def make_long_number(d):
    return write(os.path.join(d, 'long-number.txt'),
                 ('破获案件' + '9' * 100000 + '起，涉案' + '8' * 5000 + '.' + '7' * 5000
                  + '亿元。\n').encode('utf-8'))


def make_dir(d):
    path = os.path.join(d, 'a-folder.txt')
    os.mkdir(path)
    write(os.path.join(path, 'inside.txt'), ZH_BYTES)
    return path


def make_fifo(d):
    path = os.path.join(d, 'a-fifo.txt')
    os.mkfifo(path)
    return path


def make_dangling(d):
    path = os.path.join(d, 'dangling-link.txt')
    os.symlink(os.path.join(d, 'nowhere.txt'), path)
    return path


def make_loop(d):
    a = os.path.join(d, 'loop-a.txt')
    b = os.path.join(d, 'loop-b.txt')
    os.symlink(b, a)
    os.symlink(a, b)
    return a


def make_no_perm(d):
    path = write(os.path.join(d, 'no-permission.txt'), ZH_BYTES)
    os.chmod(path, 0)
    return path


def make_not_dir(d):
    write(os.path.join(d, 'plain-file'), ZH_BYTES)
    return os.path.join(d, 'plain-file', 'below.txt')


def make_long_name(d):
    # NAME_MAX is 255 bytes: the longest name a file can have, in Chinese.
    name = ('反诈' * 42)[:84] + '.txt'      # 84 × 3 + 4 = 256 > 255
    name = name[:83] + '.txt'              # 83 × 3 + 4 = 253
    return write(os.path.join(d, name), ZH_BYTES)


def make_too_long_name(d):
    return os.path.join(d, 'x' * 300 + '.txt')


def make_bad_name(d):
    name = b'bad-name-\xff\xfe\xc0\xaf.txt'
    path = os.path.join(os.fsencode(d), name)
    write(path, ZH_BYTES)
    return path


BILLION_LAUGHS = '''<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<lolz>&lol9; 破获案件672起</lolz>
'''.encode('utf-8')

XXE = b'''<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE page [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<page><p>&xxe;</p><p>\xe7\xa0\xb4\xe8\x8e\xb7\xe6\xa1\x88\xe4\xbb\xb6672\xe8\xb5\xb7</p></page>
'''

EXTERNAL_DTD = b'''<?xml version="1.0"?>
<!DOCTYPE page SYSTEM "http://127.0.0.1:9/evil.dtd">
<page>&fromdtd; \xe6\x8a\x93\xe8\x8e\xb7\xe5\xab\x8c\xe7\x96\x91\xe4\xba\xba12\xe5\x90\x8d</page>
'''


def pdf(objects, trailer=b''):
    """A PDF written by hand: numbered objects, a cross-reference table, a trailer."""
    out = b'%PDF-1.4\n%\xe2\xe3\xcf\xd3\n'
    offsets = []
    for i, o in enumerate(objects, 1):
        offsets.append(len(out))
        out += b'%d 0 obj\n' % i + o + b'\nendobj\n'
    xref = len(out)
    out += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objects) + 1)
    for o in offsets:
        out += b'%010d 00000 n \n' % o
    out += (b'trailer\n<< /Size %d /Root 1 0 R ' % (len(objects) + 1) + trailer +
            b'>>\nstartxref\n%d\n%%%%EOF\n' % xref)
    return out


def stream(data, extra=b''):
    return b'<< /Length %d ' % len(data) + extra + b'>>\nstream\n' + data + b'\nendstream'


PDF_TEXT = b'BT /F1 24 Tf 72 720 Td (Cases solved: 672) Tj ET'
PDF_PAGE = (b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R '
            b'/Resources << /Font << /F1 5 0 R >> >> >>')
PDF_FONT = b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'


def pdf_page(content=PDF_TEXT, count=b'1', extra_trailer=b'', extra=()):
    return pdf([b'<< /Type /Catalog /Pages 2 0 R >>',
                b'<< /Type /Pages /Kids [3 0 R] /Count ' + count + b' >>',
                PDF_PAGE, stream(content), PDF_FONT] + list(extra), extra_trailer)


def pdf_locked():
    crypt = (b'<< /Filter /Standard /V 1 /R 2 /O <' + b'11' * 32 + b'> /U <' + b'22' * 32 +
             b'> /P -4 >>')
    ident = b'<' + b'33' * 16 + b'>'
    return pdf_page(extra=[crypt], extra_trailer=b'/Encrypt 6 0 R /ID [' + ident + ident + b'] ')


def pdf_many_pages(n=2500):
    kids = b' '.join(b'%d 0 R' % (5 + i) for i in range(n))
    page = (b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R '
            b'/Resources << /Font << /F1 4 0 R >> >> >>')
    return pdf([b'<< /Type /Catalog /Pages 2 0 R >>',
                b'<< /Type /Pages /Kids [' + kids + b'] /Count %d >>' % n,
                stream(PDF_TEXT), PDF_FONT] + [page] * n)


def make_flate_bomb(d):
    import zlib
    packed = zlib.compress(b' ' * (200 * MIB) + PDF_TEXT, 9)
    return write(os.path.join(d, 'flate-bomb.pdf'),
                 pdf([b'<< /Type /Catalog /Pages 2 0 R >>',
                      b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>', PDF_PAGE,
                      stream(packed, b'/Filter /FlateDecode '), PDF_FONT]))


HTML_SCRIPTS = '''<!DOCTYPE html><html><head><script>var x = "破获案件672起";</script>
<style>body { color: red }</style></head><body><script>document.write(x)</script>
<noscript>请启用脚本</noscript><!-- 破获案件672起 --></body></html>
'''.encode('utf-8')

HTML_LAUGHS = BILLION_LAUGHS.replace(b'<?xml version="1.0"?>\n', b'').replace(
    b'<!DOCTYPE lolz', b'<!DOCTYPE html').replace(
    b'<lolz>&lol9; ', b'<html><body><p>&lol9; ' + ZH_BYTES).replace(b'</lolz>', b'</p></body></html>')


def make_deep_xml(d):
    n = 100000
    return write(os.path.join(d, 'deep.xml'),
                 b'<?xml version="1.0"?>' + b'<a>' * n + ZH_BYTES + b'</a>' * n + b'\n')


def inputs():
    return [
        Input('good', 'a small valid Chinese page (sanity: loads, has figures)', 'ok',
              simple('good.txt', ZH_BYTES * 3), figures=True),
        Input('good-gb18030', 'the same page in GB18030', 'ok',
              simple('good-gb18030.txt', (ZH * 3).encode('gb18030')), figures=True),
        Input('empty', 'an empty file', 'empty', simple('empty.txt', b'')),
        Input('white-space', 'only spaces, ideographic spaces and line breaks', 'no-text',
              simple('white-space.txt', ' \n\u3000\r\n\t'.encode('utf-8') * 100)),
        Input('random', '64 KiB of random bytes (with NULs)', 'nul',
              simple('random.txt', rand_bytes(65536, 1))),
        Input('random-no-nul', '64 KiB of random bytes without NUL', 'encoding',
              simple('random-no-nul.txt', rand_bytes(65536, 2, no_nul=True))),
        Input('png', 'a PNG header and chunk', 'binary',
              simple('image.txt', b'\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR' + rand_bytes(512, 3))),
        Input('nul-middle', 'Chinese text with one NUL in the middle', 'nul',
              simple('nul-middle.txt', ZH_BYTES * 4 + b'\x00' + ZH_BYTES * 4)),
        Input('bad-utf8-start', 'Chinese UTF-8 text starting with a stray 0xFF', 'ok',
              simple('bad-utf8-start.txt', b'\xff' + ZH_BYTES * 8), figures=True),
        Input('bad-utf8-middle', 'Chinese UTF-8 text with a stray 0xFF in the middle', 'ok',
              simple('bad-utf8-middle.txt', ZH_BYTES * 4 + b'\xff' + ZH_BYTES * 4), figures=True),
        Input('bad-utf8-end', 'Chinese UTF-8 text cut in the middle of a character', 'ok',
              simple('bad-utf8-end.txt', ZH_BYTES * 8 + '案'.encode('utf-8')[:2]), figures=True),
        Input('utf16-no-bom', 'UTF-16LE text without a byte-order mark (ASCII digits give NULs)',
              'nul', simple('utf16-no-bom.txt', (ZH * 4).encode('utf-16-le'))),
        Input('utf16-bad', 'a UTF-16LE mark followed by unpaired surrogates', 'utf16-mark',
              simple('utf16-bad.txt', b'\xff\xfe' + b'\x00\xd8' * 2000)),
        Input('lone-surrogate', 'a lone surrogate in UTF-8 (ED A0 80) inside Chinese text', 'ok',
              simple('lone-surrogate.txt', ZH_BYTES * 4 + b'\xed\xa0\x80' + ZH_BYTES * 4), figures=True),
        Input('cesu8', 'a CESU-8 surrogate pair (U+1F600) inside Chinese text', 'ok',
              simple('cesu8.txt', ZH_BYTES * 4 + b'\xed\xa0\xbd\xed\xb8\x80' + ZH_BYTES * 4), figures=True),
        Input('overlong', 'overlong encodings of "/" and NUL (C0 AF, E0 80 AF, C0 80)', 'ok',
              simple('overlong.txt', ZH_BYTES * 4 + b'\xc0\xaf\xe0\x80\xaf\xc0\x80' + ZH_BYTES * 4), figures=True),
        Input('sparse-200mb', 'a 200 MB sparse file', 'too-large', make_sparse),
        Input('text-65mib', 'a real 65 MiB text file, just over the limit', 'too-large',
              make_over_limit),
        Input('one-line-1mb', 'one line of 1 MiB of Chinese text', 'ok', make_one_line),
        Input('million-numbers', '"1 2 3 … 1000000"', 'ok', make_million_spaced),
        Input('million-commas', '"1,2,3,…,1000000"', 'ok', make_million_commas),
        Input('nested-brackets', '10,000 nested full-width brackets around numerals', 'ok',
              make_nested),
        Input('long-number', 'a 100,000-digit count and a 10,000-digit amount', 'ok',
              make_long_number),
        Input('folder', 'a path that is a folder', 'ok', make_dir,
              note='a folder is opened, by the command line as by the app: the texts inside'),
        Input('fifo', 'a FIFO with no writer (must not hang)', 'special', make_fifo),
        Input('dangling-link', 'a symbolic link to nothing', 'missing', make_dangling),
        Input('link-loop', 'two symbolic links pointing at each other', 'loop', make_loop),
        Input('not-a-dir', 'a path below a plain file (file.txt/below.txt)', 'missing',
              make_not_dir),
        Input('no-permission', 'a file with mode 000 (root still reads it)',
              'ok' if os.geteuid() == 0 else 'denied', make_no_perm,
              note='run as root: reads succeed' if os.geteuid() == 0 else ''),
        Input('no-permission-nobody', 'a file with mode 000, read as user nobody',
              'denied', make_no_perm, as_nobody=True, app=False,
              note='only as root: the programs drop to uid 65534'),
        Input('long-name', 'a 253-byte Chinese file name', 'ok', make_long_name, figures=True),
        Input('name-too-long', 'a 304-byte file name (over NAME_MAX)', 'name-too-long',
              make_too_long_name),
        Input('bad-name', 'a file name with invalid UTF-8 bytes', 'ok', make_bad_name, figures=True),
        Input('billion-laughs', 'XML entity expansion bomb (read as text, not expanded)', 'ok',
              simple('billion-laughs.xml', BILLION_LAUGHS)),
        Input('xxe', 'XML external entity to /etc/passwd (not fetched)', 'ok',
              simple('xxe.xml', XXE)),
        Input('deep-xml', '100,000 nested XML elements', 'ok', make_deep_xml),
        Input('external-dtd', 'XML with an external DTD subset (not fetched)', 'ok',
              simple('external-dtd.xml', EXTERNAL_DTD)),
        Input('pdf', 'a small valid PDF (text in Helvetica, no Chinese)', 'ok',
              simple('page.pdf', pdf_page())),
        Input('pdf-signature', 'the PDF signature followed by random bytes, named .txt',
              'pdf-damaged', simple('paper.txt', b'%PDF-1.7\n' + rand_bytes(4096, 4))),
        Input('pdf-locked', 'a PDF locked with a user password', 'pdf-locked',
              simple('locked.pdf', pdf_locked())),
        Input('pdf-truncated', 'a valid PDF cut off after a third', 'pdf-damaged',
              simple('truncated.pdf', pdf_page()[:len(pdf_page()) // 3])),
        Input('pdf-count-lie', 'a PDF whose page tree claims 100,000,000 pages', 'pdf-damaged',
              simple('count-lie.pdf', pdf_page(count=b'100000000'))),
        Input('pdf-scanned', 'a PDF page that is only a picture, no text layer', 'pdf-no-text',
              simple('scanned.pdf', pdf_page(content=b'q 0 0 1 rg 72 72 400 600 re f Q'))),
        Input('pdf-many-pages', 'a PDF bomb of 2,500 pages sharing one content stream',
              'pdf-pages', simple('many-pages.pdf', pdf_many_pages())),
        Input('pdf-flate-bomb', 'a page whose 200 KB content stream inflates to 200 MB', 'ok',
              make_flate_bomb, note='streamed by poppler: seconds, no memory growth'),
        Input('html-scripts', 'a web page of scripts, styles and comments only', 'html-no-text',
              simple('scripts.html', HTML_SCRIPTS)),
        Input('html-billion-laughs', 'a web page with a billion-laughs DTD (not expanded)', 'ok',
              simple('laughs.html', HTML_LAUGHS)),
    ]


def is_sanitized(program):
    """AddressSanitizer reserves terabytes of address space, so an address-space limit kills
    it at start; a sanitized build gets ASan's own resident-memory limit instead."""
    try:
        with open(program, 'rb') as f:
            return b'__asan_init' in f.read()
    except OSError:
        return False


SANITIZED = is_sanitized(os.environ.get('FANZHA_CLI', ''))


def limit(as_bytes, as_nobody):
    def pre():
        if not SANITIZED:
            resource.setrlimit(resource.RLIMIT_AS, (as_bytes, as_bytes))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        if as_nobody:
            os.setgroups([])
            os.setgid(65534)
            os.setuid(65534)
    return pre


def run(argv, as_bytes, as_nobody=False, env=None, cwd=None):
    start = time.monotonic()
    if SANITIZED:
        env = dict(env if env is not None else os.environ)
        opts = env.get('ASAN_OPTIONS', '')
        env['ASAN_OPTIONS'] = (opts + ':' if opts else '') + \
            'hard_rss_limit_mb=%d' % (as_bytes // (1024 * 1024))
    try:
        p = subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True,
                           timeout=TIMEOUT, preexec_fn=limit(as_bytes, as_nobody), env=env,
                           cwd=cwd)
        return p.returncode, p.stdout, p.stderr, time.monotonic() - start
    except subprocess.TimeoutExpired as e:
        return None, e.stdout or b'', e.stderr or b'', time.monotonic() - start


def data_dir():
    """The folder of indicators.tsv and gazetteer.tsv the build reads."""
    for d in (os.environ.get('FANZHA_DATADIR'), os.environ.get('FZ_DATA_DIR'),
              os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'data')):
        if d and os.path.isfile(os.path.join(d, 'gazetteer.tsv')):
            return d
    return None


SUPPRESSIONS = re.compile(r'(?<![A-Za-z_])(suppressions=)([^:]+)')  # not print_suppressions=


def nobody_kit(cli, top, env):
    """Copies fanzha-cli, its data and the sanitizers' suppression files into @top/nobody
    (mode 755, readable by all), so that user nobody runs the same program wherever the
    build is.  Returns (the copied program, the environment for it)."""
    kit = os.path.join(top, 'nobody')
    os.mkdir(kit)
    program = shutil.copy2(cli, os.path.join(kit, 'fanzha-cli'))
    data = os.path.join(kit, 'data')
    os.mkdir(data)
    src = data_dir()
    for name in os.listdir(src) if src else []:
        if name.endswith('.tsv'):
            shutil.copy(os.path.join(src, name), data)
    home = os.path.join(kit, 'home')
    os.mkdir(home)
    out = dict(env, FANZHA_DATADIR=data, FZ_DATA_DIR=data, HOME=home,
               XDG_CONFIG_HOME=home, XDG_CACHE_HOME=home, XDG_DATA_HOME=home)
    for var in ('ASAN_OPTIONS', 'LSAN_OPTIONS', 'UBSAN_OPTIONS'):
        def copy_supp(m):
            to = os.path.join(kit, '%s-%s' % (var.lower(), os.path.basename(m.group(2))))
            return m.group(1) + shutil.copy(m.group(2), to)
        if var in out:
            out[var] = SUPPRESSIONS.sub(copy_supp, out[var])
    for root, dirs, files in os.walk(kit):
        for n in dirs + files:
            os.chmod(os.path.join(root, n), 0o755)
    os.chmod(kit, 0o755)
    return program, out


def name_mark(path):
    """Something of the file name that any display form of it keeps."""
    base = os.path.basename(os.fsencode(path))
    m = re.match(rb'[A-Za-z0-9-]+', base)
    return (m.group(0) if m else base[:12]).decode('ascii', 'replace')


def crashed(rc, err):
    text = err.decode('utf-8', 'replace')
    if rc is None:
        return 'timeout after %d s' % TIMEOUT
    if rc < 0:
        return 'killed by signal %s' % signal.Signals(-rc).name
    for bad in ('AddressSanitizer', 'LeakSanitizer', 'runtime error:', 'CRITICAL', 'Segmentation'):
        if bad in text:
            return '"%s" on stderr' % bad
    return None


def unescape(field):
    table = {'n': '\n', 'r': '\r', 't': '\t', '\\': '\\'}
    return re.sub(r'\\(.)', lambda m: table.get(m.group(1), m.group(0)), field)


def check_offsets(inp, out):
    """spec/figures.md: text is exactly the code points [start, end) of the decoded page."""
    with open(inp.path, 'rb') as f:
        data = f.read()
    try:
        page = data.decode('gb18030' if inp.name.endswith('gb18030') else 'utf-8')
    except UnicodeDecodeError:
        return None     # the stray bytes decode differently here; no reference
    for line in out.decode('utf-8', 'replace').splitlines()[1:]:
        cols = line.split('\t')
        start, end, text = int(cols[1]), int(cols[2]), unescape(cols[3])
        if page[start:end] != text:
            return 'offsets %d-%d give "%s", the text column says "%s"' % (
                start, end, page[start:end], text)
    return None


def check_cli(inp, column, rc, out, err):
    why = crashed(rc, err)
    if why:
        return why
    lines = [l for l in err.decode('utf-8', 'replace').splitlines()
             if l.startswith('fanzha-cli: ')]
    if inp.expect == 'ok':
        if rc != 0:
            return 'exit %d, expected 0' % rc
        if lines:
            return 'unexpected message: %s' % lines[0]
        if inp.figures:
            if column == 'count' and int(out.split()[0]) < 1:
                return 'no figure counted'
            if column == 'extract' and len(out.splitlines()) < 2:
                return 'no figure extracted'
            if column == 'extract':
                return check_offsets(inp, out)
        return None
    if rc != 1:
        return 'exit %s, expected 1' % rc
    if len(lines) != 1:
        return '%d "fanzha-cli: " lines, expected 1' % len(lines)
    if name_mark(inp.path) not in lines[0]:
        return 'message does not name the file: %s' % lines[0]
    if not re.search(MESSAGES[inp.expect], lines[0]):
        return 'message is not the documented one (%s): %s' % (inp.expect, lines[0])
    return None


def check_app(inp, rc, out, err, shot):
    why = crashed(rc, err)
    if why:
        return why
    if rc != 0:
        return 'exit %d, expected 0' % rc
    if not os.path.exists(shot) or os.path.getsize(shot) == 0:
        return 'no screenshot written'
    text = err.decode('utf-8', 'replace')
    if inp.app_expect != 'ok':
        if name_mark(inp.path) not in text or not re.search(MESSAGES[inp.app_expect], text):
            return 'load error not reported as documented (%s)' % inp.app_expect
    return None


def main():
    cli = os.environ.get('FANZHA_CLI')
    app = os.environ.get('FANZHA_APP')
    if not cli:
        print('bad-input: set FANZHA_CLI to the built fanzha-cli', file=sys.stderr)
        return 2
    only = set(filter(None, os.environ.get('FZ_BAD_INPUT_ONLY', '').split(',')))
    app_note = None
    cli_columns = CLI_COLUMNS
    if '--app-only' in sys.argv[1:]:
        cli_columns = []
    if '--no-app' in sys.argv[1:]:
        app_note = 'app column not run here: see the test bad-input-app (suite ui)'
        app = None
    elif not app:
        app_note = 'app column skipped: FANZHA_APP is not set (built without ui?)'
        app = None
    elif not os.environ.get('DISPLAY') and not os.environ.get('WAYLAND_DISPLAY'):
        app_note = 'app column skipped: no DISPLAY (run under xvfb-run -a)'
        app = None

    top = tempfile.mkdtemp(prefix='fz-bad-input-')
    os.chmod(top, 0o755)        # the nobody row must reach its file
    work = os.path.join(top, 'in')
    os.mkdir(work)
    os.chmod(work, 0o755)
    env = dict(os.environ)
    env.setdefault('G_DEBUG', 'gc-friendly')
    app_env = dict(env, GSK_RENDERER=env.get('GSK_RENDERER', 'cairo'), GTK_A11Y='none')
    # Under LeakSanitizer the app's allocations are traced through GLib, which has no frame
    # pointers: the fast unwinder stops at g_malloc, and no suppression can tell GLib's own
    # start-up block (tests/lsan.supp) from a leak of ours. A run that reports a leak is run
    # again with ten frames unwound slowly, which reach the library's constructor; only
    # that run pays for it (several times slower).
    slow_env = None
    if 'LSAN_OPTIONS' in env:
        slow_env = dict(app_env, LSAN_OPTIONS=env['LSAN_OPTIONS'] + ':fast_unwind_on_malloc=0',
                        ASAN_OPTIONS=env.get('ASAN_OPTIONS', '') + ':malloc_context_size=10')
    nobody_cli, nobody_env = cli, env
    if os.geteuid() == 0 and cli_columns:
        nobody_cli, nobody_env = nobody_kit(cli, top, env)
    failures = 0
    known = 0
    strict = bool(os.environ.get('FZ_BAD_INPUT_STRICT'))
    runs = 0
    rows = []
    try:
        for inp in inputs():
            if only and inp.name not in only:
                continue
            inp.path = inp.make(work)
            cells = []
            tails = {}
            for column, args in cli_columns:
                if inp.as_nobody and os.geteuid() != 0:
                    cells.append((column, 'skip', 'not root', 0))
                    continue
                if inp.as_nobody:
                    rc, out, err, secs = run([nobody_cli] + args + [inp.path], CLI_AS_LIMIT,
                                             True, nobody_env, cwd=top)
                else:
                    rc, out, err, secs = run([cli] + args + [inp.path], CLI_AS_LIMIT,
                                             False, env)
                runs += 1
                problem = check_cli(inp, column, rc, out, err)
                tails[column] = err.decode('utf-8', 'replace').strip().splitlines()
                cells.append((column, 'FAIL' if problem else 'ok', problem or
                              ('exit %s' % rc), secs))
                failures += bool(problem)
            if app and inp.app:
                shot = os.path.join(top, 'shot-%s.png' % inp.name)
                for attempt in (1, 2):
                    rc, out, err, secs = run([app, '--screenshot', shot, inp.path],
                                             APP_AS_LIMIT, False, app_env)
                    runs += 1
                    problem = check_app(inp, rc, out, err, shot)
                    if problem and slow_env and b'LeakSanitizer' in err:
                        rc, out, err, secs = run([app, '--screenshot', shot, inp.path],
                                                 APP_AS_LIMIT, False, slow_env)
                        runs += 1
                        problem = check_app(inp, rc, out, err, shot)
                    # Under Xvfb a frame is now and then lost: one more try, said so.
                    if not (problem and b'drew nothing' in err and inp.name not in KNOWN_APP):
                        break
                    print('    app: retrying after "%s"' % problem, flush=True)
                tails['app'] = [l for l in err.decode('utf-8', 'replace').splitlines() if l.strip()]
                verdict = 'FAIL' if problem else 'ok'
                if problem and inp.name in KNOWN_APP and not strict:
                    verdict = 'xfail'
                    known += 1
                elif not problem and inp.name in KNOWN_APP:
                    verdict = 'XPASS'
                cells.append(('app', verdict, problem or ('exit %s' % rc), secs))
                failures += verdict == 'FAIL'
            else:
                cells.append(('app', 'skip', app_note or 'not for this row', 0))
            rows.append((inp, cells))
            worst = max(c[3] for c in cells)
            print('%-22s %-10s %s  (slowest %.1f s)%s' % (
                inp.name, inp.expect,
                ' '.join('%s:%s' % (c[0], c[1]) for c in cells), worst,
                '  [%s]' % inp.note if inp.note else ''), flush=True)
            for column, verdict, detail, secs in cells:
                if verdict == 'xfail':
                    print('    %s: known: %s (%s)' % (column, KNOWN_APP[inp.name], detail))
                if verdict == 'FAIL':
                    print('    %s: %s' % (column, detail), flush=True)
                    for line in tails.get(column, [])[-4:]:
                        print('      | %s' % line[:200], flush=True)
            # The large inputs are not needed once their row is done.
            if os.path.isfile(inp.path) and os.path.getsize(inp.path) > 8 * MIB:
                os.unlink(inp.path)
    finally:
        if os.environ.get('FZ_BAD_INPUT_KEEP'):
            print('kept %s' % top)
        else:
            for root, dirs, files in os.walk(top):
                for n in dirs + files:
                    try:
                        os.chmod(os.path.join(root, n), 0o700, follow_symlinks=False)
                    except (OSError, NotImplementedError):
                        pass
            shutil.rmtree(top, ignore_errors=True)

    print('\n%d inputs × %d entry points: %d runs, %d failed, %d known app failures%s' % (
        len(rows), len(cli_columns) + (1 if app else 0), runs, failures, known,
        ('; ' + app_note) if app_note else ''))
    if failures:
        return 1
    return 77 if not cli_columns and not app else 0


if __name__ == '__main__':
    sys.exit(main())
