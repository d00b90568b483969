#!/usr/bin/env bash
# The CUDA path's checks and figures in one go, for a session that has a GPU (about 4 minutes on an H100).
# Run by hand from the repository root:  bash bench/gpu_checks.sh [OUT_DIR]
# 1. the engine's tests with the GPU present (`device auto` picks it; the pages' tests need Streamlit and are left out),
# 2. bench_gpu_step.py (the step against the textbook loop, what a host sync costs, a profile),
# 3. `bench train` at batch 512, 4. 60 s of default digits training, judged, 5. inference on the GPU.
# Each part has its own time limit, and its output goes to OUT_DIR (default: bench/gpu-out, ignored by git).
set -u
out=${1:-bench/gpu-out}
mkdir -p "$out"
export PYTHONUNBUFFERED=1
py=${PYTHON:-python3}
$py -c "import torch; assert torch.cuda.is_available(), 'no CUDA GPU'; print('torch', torch.__version__, torch.cuda.get_device_name())" || exit 1
echo "== 1. engine tests on the GPU"
timeout 200 $py -m pytest -q -n 8 -m "not slow" -p no:cacheprovider --timeout 120 -rs \
  --ignore=tests/test_browser.py --ignore=tests/test_pages.py --ignore=tests/test_playground.py \
  --ignore=tests/test_i18n.py --ignore=tests/test_boundaries.py --ignore=tests/test_ui_helpers.py > "$out/tests.txt" 2>&1
grep -E "passed|failed|FAILED|ERROR" "$out/tests.txt" | tail -20
echo "== 2. bench_gpu_step"
timeout 200 $py bench/bench_gpu_step.py --rounds 3 --steps 100 2>&1 | tee "$out/gpu_step.txt"
echo "== 3. bench train"
timeout 120 $py -m ganengine bench train --device cuda --batch-size 512 --steps 200 --warmup 20 --json "$out/bench_train.json" 2>&1 | tee "$out/bench_train.txt"
echo "== 4. 60 s of default training, judged"
rm -rf /tmp/ganstudio-gpu60
timeout 90 $py -m ganengine train --data digits --time-budget 60 --device cuda --out /tmp/ganstudio-gpu60 > "$out/train60.log" 2>&1
tail -2 "$out/train60.log"
timeout 60 $py -m ganengine judge "$(ls /tmp/ganstudio-gpu60/checkpoints/*.safetensors | tail -1)" > "$out/judge60.json" 2>&1
grep -E "mean_confidence|classes_covered|digit_score_share" "$out/judge60.json"
echo "== 5. inference"
timeout 90 $py bench/bench_inference.py --device cuda --no-big --repeats 5 2>&1 | tee "$out/inference.txt"
