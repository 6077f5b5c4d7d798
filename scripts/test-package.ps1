<#
.SYNOPSIS
    Installs the built package the way a user does and checks that Uninstall-Orchestrator leaves nothing.
.DESCRIPTION
    From the package alone (build.ps1 Package's out/package), with no path into the repository:
    installs the .nupkg into a temporary module folder with PSResourceGet (a local file
    repository, offline; or copies the module folder with -CopyFolder), imports it by name from
    there, checks that its orc-exec is the package's own, checks the signatures, registers a task
    on the cron backend in a fresh store, runs it, reads its history, removes a seeded orphan line
    with Remove-OrcOrphan, runs Uninstall-Orchestrator
    -RemoveStore, and checks that the crontab is byte for byte what it was, and that the store and
    the installed orc-exec are gone. Prints PASS/FAIL per step and exits 1 on any FAIL.

    Linux/macOS only (the cron backend). With the default -CronTarget user it edits the real
    crontab of the current user: others share it on a CI machine, so run it under
    'flock /tmp/orc-cron.lock'. A file path as -CronTarget edits only that file.
.PARAMETER PackagePath
    The folder build.ps1 Package wrote (Orchestrator/<version>/ and Orchestrator.<version>.nupkg).
.PARAMETER CronTarget
    ORC_CRON_TARGET for the run: 'user' (default) or a crontab file.
.PARAMETER CAFile
    The CA that signed the package, to verify signatures with osslsigncode; default out/signing/test-ca.pem
    beside PackagePath when it exists. Signatures are not checked when there is none.
.PARAMETER CopyFolder
    Install by copying Orchestrator/<version>/ instead of from the .nupkg.
.EXAMPLE
    flock /tmp/orc-cron.lock .tools/bin/pwsh -NoProfile -File scripts/test-package.ps1
.EXAMPLE
    pwsh -NoProfile -File scripts/test-package.ps1 -CronTarget /tmp/crontab-test
#>
[CmdletBinding()]
param(
    [string] $PackagePath = (Join-Path (Split-Path -Parent $PSScriptRoot) 'out/package'),

    [string] $CronTarget = 'user',

    [string] $CAFile,

    [switch] $CopyFolder
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$failures = 0
function Write-Check([string] $Name, [bool] $Ok, [string] $Detail = '') {
    $word = 'PASS'
    if (-not $Ok) { $word = 'FAIL'; $script:failures++ }
    Write-Host ("{0}  {1}{2}" -f $word, $Name, $(if ($Detail) { ": $Detail" } else { '' }))
}

$PackagePath = (Resolve-Path -LiteralPath $PackagePath).Path
$nupkg = @(Get-ChildItem -Path $PackagePath -Filter 'Orchestrator.*.nupkg' -File) | Select-Object -First 1
if (-not $nupkg) { throw "No Orchestrator.*.nupkg in '$PackagePath': run build.ps1 Package first." }
$version = $nupkg.Name.Substring('Orchestrator.'.Length, $nupkg.Name.Length - 'Orchestrator.'.Length - '.nupkg'.Length)
if (-not $CAFile) {
    $candidate = Join-Path (Split-Path -Parent $PackagePath) 'signing/test-ca.pem'
    if (Test-Path -LiteralPath $candidate) { $CAFile = $candidate }
}

$sandbox = Join-Path ([System.IO.Path]::GetTempPath()) ('orc-package-test-' + [guid]::NewGuid().ToString('N'))
$modules = Join-Path $sandbox 'modules'
$null = New-Item -ItemType Directory -Path $modules -Force
$saved = @{ ORC_HOME = $env:ORC_HOME; ORC_EXEC_PATH = $env:ORC_EXEC_PATH; ORC_CRON_TARGET = $env:ORC_CRON_TARGET; PSModulePath = $env:PSModulePath }
$repo = 'OrcPackageTest' + [guid]::NewGuid().ToString('N').Substring(0, 8)
$crontabBefore = $null
try {
    # 1. Install from the package alone.
    if ($CopyFolder) {
        Copy-Item -Recurse -LiteralPath (Join-Path $PackagePath 'Orchestrator') -Destination $modules
    }
    else {
        Register-PSResourceRepository -Name $repo -Uri $PackagePath -Trusted
        try { Save-PSResource -Name Orchestrator -Version $version -Repository $repo -Path $modules -TrustRepository -Quiet }
        finally { Unregister-PSResourceRepository -Name $repo }
    }
    $installedModule = Join-Path $modules "Orchestrator/$version"
    Write-Check 'install' (Test-Path -LiteralPath (Join-Path $installedModule 'Orchestrator.psd1')) $installedModule

    # 2. Signatures of what was installed.
    if ($CAFile -and (Get-Command osslsigncode -ErrorAction SilentlyContinue)) {
        $signable = @(Get-ChildItem -Path $installedModule -Recurse -File | Where-Object { $_.Name -eq 'orc-exec.exe' -or $_.Extension -in '.ps1', '.psm1', '.psd1', '.ps1xml' })
        $bad = @($signable | Where-Object { $null = & osslsigncode verify -CAfile $CAFile -in $_.FullName 2>&1; $LASTEXITCODE -ne 0 })
        Write-Check 'signatures verify' ($signable.Count -gt 0 -and $bad.Count -eq 0) ("{0} files, {1} failed {2}" -f $signable.Count, $bad.Count, (($bad | ForEach-Object Name) -join ', '))
    }
    else {
        Write-Host 'SKIP  signatures verify: no CA file or no osslsigncode'
    }

    # 3. Import by name from there only, on a fresh store, with the package's own orc-exec.
    # The package and PowerShell's own modules only: nothing from the repository or the machine.
    $env:PSModulePath = $modules + [System.IO.Path]::PathSeparator + (Join-Path $PSHOME 'Modules')
    Remove-Item -Path env:ORC_EXEC_PATH -ErrorAction SilentlyContinue
    $env:ORC_HOME = Join-Path $sandbox 'store'
    $env:ORC_CRON_TARGET = $CronTarget
    Remove-Module Orchestrator -Force -ErrorAction SilentlyContinue
    Import-Module Orchestrator -RequiredVersion $version
    $module = Get-Module Orchestrator
    Write-Check 'import from the package' ($module.ModuleBase -eq $installedModule) $module.ModuleBase
    $exe = & $module { Get-OrcExecutablePath }
    Write-Check "orc-exec is the package's" ($exe.StartsWith($installedModule)) $exe
    $reported = (& $exe version --output json | ConvertFrom-Json).version
    Write-Check 'orc-exec version is the package version' ($reported -eq $version) "$reported"

    $target = & $module { Get-OrcCronTarget }
    $crontabBefore = & $module { param($t) Read-OrcCronTable -Target $t } $target

    # 4. Register, run, read back.
    $out = Join-Path $sandbox 'ran.txt'
    Register-OrcTask -Name orc-package-test -Command /bin/sh -ArgumentList '-c', "echo ran > '$out'" -Cron '17 3 * * *' -ErrorAction Stop
    $line = @(Get-OrcTask -Name orc-package-test)
    Write-Check 'Register-OrcTask' ($line.Count -eq 1 -and (& $module { param($t) Read-OrcCronTable -Target $t } $target) -match 'orchestrator:task=orc-package-test') "a line in $($target.Description)"
    $run = Start-OrcTask -Name orc-package-test -Wait -TimeoutSec 60 -ErrorAction Stop
    Write-Check 'Start-OrcTask -Wait' ($run.Status -eq 'SUCCESS' -and (Test-Path -LiteralPath $out)) "$($run.Status)"
    $history = @(Get-OrcTaskHistory -Name orc-package-test)
    Write-Check 'Get-OrcTaskHistory' ($history.Count -eq 1 -and $history[0].Status -eq 'SUCCESS') "$($history.Count) run(s)"
    # An orphan on the same crontab: a line whose definition was deleted by hand.
    Register-OrcTask -Name orc-package-orphan -Command /bin/true -Cron '19 3 * * *' -ErrorAction Stop
    Remove-Item -LiteralPath (Join-Path $env:ORC_HOME 'tasks/orc-package-orphan.json')
    $orphans = @(Remove-OrcOrphan -Confirm:$false -ErrorAction Stop)
    $crontabNow = & $module { param($t) Read-OrcCronTable -Target $t } $target
    Write-Check 'Remove-OrcOrphan removes the line with no definition, and only it' (
        @($orphans | Where-Object { $_.Kind -eq 'SchedulerEntry' -and $_.Name -eq 'orc-package-orphan' -and $_.Action -eq 'Removed' }).Count -eq 1 -and
        $crontabNow -notmatch 'orchestrator:task=orc-package-orphan' -and $crontabNow -match 'orchestrator:task=orc-package-test') (($orphans | ForEach-Object { "$($_.Kind) $($_.Name) $($_.Action)" }) -join '; ')
    $installedExe = & $module { Get-OrcExecutableInstallPath }
    Write-Check 'the executor is installed for the tasks' (Test-Path -LiteralPath $installedExe) $installedExe

    # 5. Uninstall leaves nothing.
    $removed = @(Uninstall-Orchestrator -RemoveStore -Force -ErrorAction Stop)
    Write-Check 'Uninstall-Orchestrator' ($removed.Count -ge 3) (($removed | ForEach-Object Kind) -join ', ')
    $crontabAfter = & $module { param($t) Read-OrcCronTable -Target $t } $target
    Write-Check 'the crontab is as it was' ($crontabAfter -ceq $crontabBefore) "$($target.Description)"
    Write-Check 'the store is gone' (-not (Test-Path -LiteralPath $env:ORC_HOME)) $env:ORC_HOME
    Write-Check 'the installed orc-exec is gone' (-not (Test-Path -LiteralPath $installedExe)) $installedExe
    Write-Check 'a second uninstall finds nothing' (@(Uninstall-Orchestrator -RemoveStore -Force -ErrorAction Stop).Count -eq 0)
}
catch {
    Write-Check 'no error' $false "$($_.Exception.Message) at $($_.InvocationInfo.PositionMessage)"
    # Never leave a line of this test in a shared crontab.
    if ($null -ne $crontabBefore -and (Get-Module Orchestrator)) {
        foreach ($leftover in 'orc-package-test', 'orc-package-orphan') {
            try { & (Get-Module Orchestrator) { param($n) $null = Unregister-OrcBackendTask -Name $n } $leftover } catch { Write-Host "cleanup: $($_.Exception.Message)" }
        }
    }
}
finally {
    Remove-Module Orchestrator -Force -ErrorAction SilentlyContinue
    foreach ($key in $saved.Keys) { [System.Environment]::SetEnvironmentVariable($key, $saved[$key]) }
    Remove-Item -Recurse -Force -LiteralPath $sandbox -ErrorAction SilentlyContinue
}
Write-Host ("Package test: {0}" -f $(if ($failures -eq 0) { 'PASS' } else { "FAIL ($failures)" }))
if ($failures -gt 0) { exit 1 }
exit 0
