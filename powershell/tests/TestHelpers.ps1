# Shared by the Unit, QA and Integration tests: dot-source it in BeforeAll.
# build.ps1 runs Pester under its own script-level Set-StrictMode -Version Latest, which would make
# every mock ParameterFilter that names an unbound parameter throw; tests run without it (the
# module keeps its own strict mode in its scope).
Set-StrictMode -Off
$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$script:ManifestPath = Join-Path $script:RepoRoot 'Orchestrator.psd1'

function Import-OrcTestModule {
    # Imports the module once per test file and makes Mock/Should/InModuleScope target it.
    Import-Module $script:ManifestPath -Force
    $global:PSDefaultParameterValues['Mock:ModuleName'] = 'Orchestrator'
    $global:PSDefaultParameterValues['Should:ModuleName'] = 'Orchestrator'
}

function Remove-OrcTestModule {
    foreach ($key in 'Mock:ModuleName', 'Should:ModuleName') {
        $global:PSDefaultParameterValues.Remove($key)
    }
    Remove-Module Orchestrator -Force -ErrorAction SilentlyContinue
}

function New-OrcExecResult {
    # What Invoke-OrcExec returns, for mocks.
    param(
        [int] $ExitCode = 0,
        [object[]] $Records = @(),
        [string[]] $Output = @(),
        [string] $StdErr = '',
        [string] $CommandLine = 'orc-exec test'
    )
    [pscustomobject]@{
        PSTypeName  = 'Orchestrator.ExecResult'
        ExitCode    = $ExitCode
        Records     = @($Records)
        Output      = @($Output)
        StdErr      = $StdErr
        CommandLine = $CommandLine
    }
}

function ConvertTo-OrcTestRecord {
    # JSON text -> the object ConvertFrom-Json makes of one orc-exec line.
    param([Parameter(Mandatory)] [string] $Json)
    ConvertFrom-Json -InputObject $Json
}

function Install-OrcScheduledTasksStub {
    # On hosts without the ScheduledTasks module (Linux), a stub module with the same command
    # names and parameters, so the module-qualified calls resolve and Pester can mock them.
    if (Get-Module -ListAvailable -Name ScheduledTasks) {
        Import-Module ScheduledTasks
        return
    }
    New-Module -Name ScheduledTasks -ScriptBlock {
        function Register-ScheduledTask {
            param([string] $Xml, [string] $TaskPath, [string] $TaskName, [string] $User, [string] $Password, [switch] $Force)
            throw 'ScheduledTasks stub: mock Register-ScheduledTask'
        }
        function Unregister-ScheduledTask {
            [CmdletBinding(SupportsShouldProcess)]
            param([string] $TaskPath, [string] $TaskName)
            throw 'ScheduledTasks stub: mock Unregister-ScheduledTask'
        }
        function Get-ScheduledTask {
            [CmdletBinding()]
            param([string] $TaskPath, [string] $TaskName)
        }
        function Get-ScheduledTaskInfo {
            # -InputObject takes Get-ScheduledTask's objects from the pipeline, as the real one does.
            [CmdletBinding()]
            param([string] $TaskPath, [string] $TaskName, [Parameter(ValueFromPipeline)] [object[]] $InputObject)
            process { }
        }
        function Export-ScheduledTask {
            [CmdletBinding()]
            param([string] $TaskPath, [string] $TaskName)
        }
        function Enable-ScheduledTask {
            [CmdletBinding()]
            param([string] $TaskPath, [string] $TaskName)
        }
        function Disable-ScheduledTask {
            [CmdletBinding()]
            param([string] $TaskPath, [string] $TaskName)
        }
        function Start-ScheduledTask {
            [CmdletBinding()]
            param([string] $TaskPath, [string] $TaskName)
        }
        function Stop-ScheduledTask {
            [CmdletBinding()]
            param([string] $TaskPath, [string] $TaskName)
        }
        Export-ModuleMember -Function *
    } | Import-Module -Force -Global
}

function Install-OrcCronStub {
    # The cron backend is another file set; define stubs only where it does not exist yet, so
    # that Mock has a command to replace.
    $module = Get-Module Orchestrator
    & $module {
        $stubs = @{
            'Register-OrcCronTask'   = { param([object] $Definition, [string] $ExecPath, [string] $StoreHome) }
            'Unregister-OrcCronTask' = { param([string] $Name) }
            'Get-OrcCronTask'        = { param([string[]] $Name) }
            'Enable-OrcCronTask'     = { param([string] $Name) }
            'Disable-OrcCronTask'    = { param([string] $Name) }
            'Start-OrcCronTask'      = { param([string] $Name, [string] $ExecPath, [string] $StoreHome) }
            'Stop-OrcCronTask'       = { param([string] $Name, [string] $StoreHome) }
        }
        foreach ($name in $stubs.Keys) {
            if (-not (Get-Command -Name $name -CommandType Function -ErrorAction SilentlyContinue)) {
                Set-Item -Path "function:script:$name" -Value $stubs[$name]
            }
        }
    }
}

function New-OrcScheduledTasksError {
    # The error record a ScheduledTasks (CDXML/CIM) cmdlet writes, for mocks to Write-Error it:
    # - AccessDenied: what a non-elevated session gets for \Orchestrator\ (tasks registered by an
    #   administrator): a CimException with NativeErrorCode AccessDenied, HRESULT 0x80070005 in the
    #   error ID ('HRESULT 0x80070005,Get-ScheduledTask') and the PermissionDenied category.
    # - NotFound: what a query that matches nothing writes (ObjectNotFound,
    #   'CmdletizationQuery_NotFound_TaskPath,Get-ScheduledTask').
    # Microsoft.Management.Infrastructure.CimException exists only on Windows and cannot be built
    # with a chosen NativeErrorCode, so OrcTest.CimException stands in with the same observable
    # properties: type name ending in CimException, HResult, NativeErrorCode and message.
    param(
        [Parameter(Mandatory)] [ValidateSet('AccessDenied', 'NotFound')] [string] $Kind,
        [string] $Cmdlet = 'Get-ScheduledTask',
        [object] $TargetObject = 'MSFT_ScheduledTask'
    )
    if (-not ('OrcTest.CimException' -as [type])) {
        Add-Type -TypeDefinition @'
namespace OrcTest {
    public class CimException : System.Exception {
        public CimException(string message, int hresult, string nativeErrorCode) : base(message) {
            HResult = hresult;
            NativeErrorCode = nativeErrorCode;
        }
        public string NativeErrorCode { get; private set; }
    }
}
'@
    }
    if ($Kind -eq 'AccessDenied') {
        $exception = New-Object OrcTest.CimException ('Access is denied.', [int]-2147024891, 'AccessDenied')
        return New-Object System.Management.Automation.ErrorRecord ($exception, "HRESULT 0x80070005,$Cmdlet", [System.Management.Automation.ErrorCategory]::PermissionDenied, $TargetObject)
    }
    $exception = New-Object OrcTest.CimException ("No MSFT_ScheduledTask objects found with property 'TaskPath' equal to '\Orchestrator\'.", [int]-2147024894, 'NotFound')
    New-Object System.Management.Automation.ErrorRecord ($exception, "CmdletizationQuery_NotFound_TaskPath,$Cmdlet", [System.Management.Automation.ErrorCategory]::ObjectNotFound, $TargetObject)
}

function Write-OrcScheduledTasksError {
    # Writes New-OrcScheduledTasksError's record from a mock as the real cmdlet would: honouring the
    # caller's -ErrorAction (a mock body does not, by itself): Stop makes it terminating.
    # Use it as: Mock Get-ScheduledTask { Write-OrcScheduledTasksError -Kind AccessDenied -BoundParameters $PesterBoundParameters }
    param(
        [Parameter(Mandatory)] [ValidateSet('AccessDenied', 'NotFound')] [string] $Kind,
        [string] $Cmdlet = 'Get-ScheduledTask',
        [System.Collections.IDictionary] $BoundParameters
    )
    $record = New-OrcScheduledTasksError -Kind $Kind -Cmdlet $Cmdlet
    if ($BoundParameters -and $BoundParameters.Contains('ErrorAction') -and [string]$BoundParameters['ErrorAction'] -eq 'Stop') {
        throw $record
    }
    Write-Error -ErrorRecord $record
}

function Import-OrcScheduledTasksDouble {
    # Replaces any ScheduledTasks module (the stub above) with the faithful double in
    # powershell/tests/ScheduledTasksDouble, empty and elevated; see its README.md.
    Remove-Module ScheduledTasks -Force -ErrorAction SilentlyContinue
    Import-Module (Join-Path $PSScriptRoot 'ScheduledTasksDouble/ScheduledTasks.psd1') -Force -Global
}
