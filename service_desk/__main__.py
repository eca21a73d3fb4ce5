import sys

from service_desk.app import main

sys.exit(main())
