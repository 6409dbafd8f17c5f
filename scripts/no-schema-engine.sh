#!/bin/sh
# Stands in for Prisma's native schema engine, which the Prisma CLI would download from the
# internet. generate/validate/format never call it; migrations go through npm run db:migrate.
echo "The native Prisma schema engine is not used in this project: run npm run db:migrate or npm run db:migration -- <name>." >&2
exit 1
