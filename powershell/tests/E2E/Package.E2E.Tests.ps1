# The install test: scripts/test-package.ps1 installs build.ps1 Package's .nupkg into an empty
# module folder, imports it from there, registers a task on the cron backend in a fresh store, runs
# it, and checks that Uninstall-Orchestrator -RemoveStore leaves nothing (crontab byte for byte,
# store, installed orc-exec). With root and cron it edits the real crontab under
# flock /tmp/orc-cron.lock (shared with other test runs); otherwise a temp crontab file.
BeforeDiscovery {
    $script:Skip = $null
    $root = Resolve-Path (Join-Path $PSScriptRoot '../../..')
    if (($PSVersionTable.PSEdition -ne 'Core') -or $IsWindows) {
        $script:Skip = 'the install test uses the cron backend (Linux and macOS)'
    }
    elseif (-not (Get-ChildItem -Path (Join-Path $root 'out/package') -Filter 'Orchestrator.*.nupkg' -ErrorAction SilentlyContinue)) {
        $script:Skip = 'no package: run build.ps1 Package first (build.ps1 Test does)'
    }
    if ($Skip) { Write-Host "Skipping the package install test: $Skip" -ForegroundColor Yellow }
}

BeforeAll {
    $script:Root = (Resolve-Path (Join-Path $PSScriptRoot '../../..')).Path
    # $PSHOME holds the running edition's own executable (Get-Process would name 'dotnet' for a tool install).
    $script:Pwsh = @('pwsh', 'pwsh.exe') | ForEach-Object { Join-Path $PSHOME $_ } | Where-Object { Test-Path $_ -PathType Leaf } | Select-Object -First 1
}

Describe 'The package, installed from its .nupkg alone' -Skip:([bool]$Skip) -Tag 'NotOnWine.CronBackend' {
    It 'installs, verifies its signatures, registers, runs and uninstalls without leaving anything' {
        $script = Join-Path $Root 'scripts/test-package.ps1'
        $realCron = ("$(& id -u)".Trim() -eq '0') -and (Get-Command crontab -ErrorAction SilentlyContinue) -and (Get-Command flock -ErrorAction SilentlyContinue)
        if ($realCron) {
            $output = & flock /tmp/orc-cron.lock $Pwsh -NoProfile -File $script 2>&1
        }
        else {
            $file = Join-Path ([System.IO.Path]::GetTempPath()) ('orc-package-crontab-' + [guid]::NewGuid().ToString('N'))
            $output = & $Pwsh -NoProfile -File $script -CronTarget $file 2>&1
            Remove-Item -LiteralPath $file -ErrorAction SilentlyContinue
        }
        $code = $LASTEXITCODE
        $text = ($output | ForEach-Object { "$_" }) -join "`n"
        Write-Host $text
        $text | Should -Match 'PASS  signatures verify'
        $text | Should -Match 'PASS  the crontab is as it was'
        $text | Should -Not -Match '(?m)^FAIL'
        $code | Should -Be 0
    }
}
