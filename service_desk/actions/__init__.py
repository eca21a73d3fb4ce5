"""Counter actions: one public function = one transaction with its audit rows."""
