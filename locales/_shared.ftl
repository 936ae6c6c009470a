# Names that are the same in every language. Terms (-x) can be used by any
# locale's messages.
-brand = TechBridge
-caexpo = CAEXPO
-trl = TRL
