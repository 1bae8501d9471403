# Taiwan writes dates and times as mainland China does: the same formats (see zh_Hans).
from formats.conf.zh_Hans.formats import *  # noqa: F403
